// The leveled logger: one line per message,
//   [<Y-m-d H:i:s> <flag><pid>.<id>]\t<LEVEL>\t<text>
// written with one write(2) to stderr or to log_file. The flag is '@' outside
// servers ('#' master, '$' manager, '*' worker, '^' task worker), the id the
// worker id (0 outside servers). Messages below the level, or whose error code
// was ignored with ignore_error(), are dropped.
#pragma once

#include <cstdarg>
#include <string>
#include <unordered_set>

namespace swoole::kernel {

enum class LogLevel : int { debug = 0, trace = 1, info = 2, notice = 3, warning = 4, error = 5, none = 6 };

class Logger {
  public:
    static Logger &instance();

    void set_level(int level);
    int level() const { return level_; }
    // Opens (appends) the file; false and errno set on failure. Empty: stderr.
    bool set_file(const std::string &path);
    // Log rotation (SIGRTMIN): opens the file's path again, so lines go to a
    // new file once the old one was renamed. The descriptor number stays, so
    // a thread writing meanwhile never sees it closed. No-op without a file.
    bool reopen();
    const std::string &file() const { return path_; }
    void set_process(char flag, int id) { flag_ = flag; id_ = id; }
    void ignore_error(int code);
    bool is_ignored(int code) const;

    void write(int level, const char *text);
    void writef(int level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

  private:
    int level_ = static_cast<int>(LogLevel::info);
    int fd_ = 2;
    std::string path_;
    char flag_ = '@';
    int id_ = 0;
    std::unordered_set<int> ignored_;
};

const char *log_level_name(int level);

}  // namespace swoole::kernel

#define SW_LOG(lvl, ...)                                                                  \
    do {                                                                                    \
        auto &sw_logger_ = ::swoole::kernel::Logger::instance();                            \
        if (static_cast<int>(lvl) >= sw_logger_.level()) sw_logger_.writef(static_cast<int>(lvl), __VA_ARGS__); \
    } while (0)
#define SW_WARN(...) SW_LOG(::swoole::kernel::LogLevel::warning, __VA_ARGS__)
#define SW_ERROR(...) SW_LOG(::swoole::kernel::LogLevel::error, __VA_ARGS__)
#define SW_INFO(...) SW_LOG(::swoole::kernel::LogLevel::info, __VA_ARGS__)
#define SW_DEBUG(...) SW_LOG(::swoole::kernel::LogLevel::debug, __VA_ARGS__)
