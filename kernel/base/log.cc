#include "base/log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>

namespace swoole::kernel {

const char *log_level_name(int level) {
    static const char *const names[] = {"DEBUG", "TRACE", "INFO", "NOTICE", "WARNING", "ERROR"};
    return level >= 0 && level < 6 ? names[level] : "LOG";
}

Logger &Logger::instance() {
    static Logger logger;
    return logger;
}

void Logger::set_level(int level) {
    if (level < 0) level = 0;
    if (level > static_cast<int>(LogLevel::none)) level = static_cast<int>(LogLevel::none);
    level_ = level;
}

bool Logger::set_file(const std::string &path) {
    int fd = 2;
    if (!path.empty()) {
        fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) return false;
    }
    if (fd_ > 2) ::close(fd_);
    fd_ = fd;
    path_ = path;
    return true;
}

bool Logger::reopen() {
    if (path_.empty() || fd_ <= 2) return true;
    int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    int rc = ::dup3(fd, fd_, O_CLOEXEC);
    ::close(fd);
    return rc >= 0;
}

void Logger::ignore_error(int code) { ignored_.insert(code); }
bool Logger::is_ignored(int code) const { return !ignored_.empty() && ignored_.count(code) != 0; }

void Logger::write(int level, const char *text) {
    if (level < level_) return;
    char line[8192];
    time_t now = ::time(nullptr);
    struct tm tm;
    ::localtime_r(&now, &tm);
    char date[32];
    ::strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S", &tm);
    int n = std::snprintf(line, sizeof line, "[%s %c%d.%d]\t%s\t%s\n", date, flag_, (int)::getpid(), id_,
                          log_level_name(level), text);
    if (n < 0) return;
    if (n >= (int)sizeof line) {
        n = sizeof line;
        line[n - 1] = '\n';
    }
    // One write per line so concurrent processes never interleave within a line.
    ssize_t ignored = ::write(fd_, line, n);
    (void)ignored;
}

void Logger::writef(int level, const char *fmt, ...) {
    if (level < level_) return;
    char text[8000];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    write(level, text);
}

}  // namespace swoole::kernel
