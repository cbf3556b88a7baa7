#include "client/file_sink.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace swoole::mod::http::client {

FileSink::~FileSink() {
    if (fd_ >= 0) ::close(fd_);
}

bool FileSink::write(std::string_view data) {
    if (error_) return false;
    if (fd_ < 0) {
        fd_ = ::open(path_.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0664);
        if (fd_ < 0) {
            error_ = errno;
            step_ = "open";
            return false;
        }
        if (offset_ <= 0 ? ::ftruncate(fd_, 0) < 0 : ::lseek(fd_, offset_, SEEK_SET) < 0) {
            error_ = errno;
            step_ = offset_ <= 0 ? "ftruncate" : "lseek";
            return false;
        }
    }
    while (!data.empty()) {
        ssize_t n = ::write(fd_, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            error_ = errno;
            step_ = "write";
            return false;
        }
        data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

}  // namespace swoole::mod::http::client
