#include "server/task_message.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <vector>

#include "aio/aio.h"
#include "coroutine/coroutine.h"

namespace swoole::kernel {

bool spill_payload(const std::string &dir, std::string_view data, std::string &path) {
    path = dir;
    if (path.empty()) path = "/tmp";
    if (path.back() != '/') path += '/';
    path += "swoole.task.XXXXXX";
    std::vector<char> name(path.begin(), path.end());
    name.push_back('\0');
    int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) return false;
    path.assign(name.data());
    const char *p = data.data();
    size_t left = data.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int err = n < 0 ? errno : EIO;
            ::close(fd);
            ::unlink(path.c_str());
            errno = err;
            return false;
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    ::close(fd);
    return true;
}

bool load_spilled(std::string_view path_view, std::string &data) {
    std::string path(path_view);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    ::unlink(path.c_str());
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        int err = errno;
        ::close(fd);
        errno = err;
        return false;
    }
    data.resize(static_cast<size_t>(st.st_size));
    size_t got = 0;
    while (got < data.size()) {
        ssize_t n = ::read(fd, data.data() + got, data.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<size_t>(n);
    }
    ::close(fd);
    data.resize(got);
    return true;
}

bool load_spilled_async(std::string_view path, std::string &data) {
    if (!Coroutine::current()) return load_spilled(path, data);
    // The job owns its strings: a canceled coroutine leaves while the read
    // still runs (the file is removed by the read either way).
    struct Job {
        std::string path, data;
        bool ok = false;
        int err = 0;
    };
    auto job = std::make_shared<Job>();
    job->path.assign(path);
    WaitResult r = Aio::run([job] {
        job->ok = load_spilled(job->path, job->data);
        job->err = job->ok ? 0 : errno;
    });
    if (r == WaitResult::error) return load_spilled(path, data);  // no loop to wait in
    if (r != WaitResult::ready) {
        errno = ECANCELED;  // the job still reads and removes the file
        return false;
    }
    if (!job->ok) {
        errno = job->err;
        return false;
    }
    data = std::move(job->data);
    return true;
}

}  // namespace swoole::kernel
