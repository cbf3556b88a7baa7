// System::readFile, writeFile, statvfs, fread, fgets, fwrite. Regular files
// are read and written on an Aio worker thread (the loop keeps running);
// pipes and sockets wait for readiness with Coroutine::wait_fd and then do
// the I/O, which does not block once the fd is ready.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

#include "aio/aio.h"
#include "base/error.h"
#include "base/log.h"
#include "coroutine/php_coroutine.h"
#include "system/system.h"

namespace swoole::php {

using kernel::Aio;
using kernel::Coroutine;
using kernel::WaitResult;

namespace {

// PHP's LOCK_EX / FILE_APPEND flag values as the file functions take them.
constexpr zend_long kLockEx = 2;     // LOCK_EX
constexpr zend_long kFileAppend = 8; // FILE_APPEND

// What a worker did: the failed call (for the log line) and its errno.
struct Outcome {
    int err = 0;
    std::string failed_call;

    void fail(std::string call) {
        err = errno;
        failed_call = std::move(call);
    }
};

// A Swoole log line for a failed system call, then errno for swoole_errno().
void log_failure(const char *func, const Outcome &o) {
    kernel::Logger &logger = kernel::Logger::instance();
    constexpr int kWarning = static_cast<int>(kernel::LogLevel::warning);
    if (kWarning >= logger.level() && !logger.is_ignored(o.err)) {
        logger.writef(kWarning, "%s(): %s failed, Error: %s[%d]", func, o.failed_call.c_str(), strerror(o.err), o.err);
    }
    errno = o.err;
}

// Keeps a PHP value alive while a worker uses it; released on the loop thread
// (Aio destroys the work there), never on the worker.
struct Held {
    zval value;
    explicit Held(zval *v) { ZVAL_COPY(&value, v); }
    ~Held() { zval_ptr_dtor(&value); }
    Held(const Held &) = delete;
    Held &operator=(const Held &) = delete;
};

// Reads fd from the current position: `length` bytes, or to EOF when length < 0.
bool read_fd(int fd, ssize_t length, std::string &out, Outcome &o, const char *what) {
    char buf[65536];
    for (;;) {
        size_t want = sizeof buf;
        if (length >= 0) {
            size_t left = static_cast<size_t>(length) - out.size();
            if (left == 0) return true;
            if (left < want) want = left;
        }
        ssize_t n = ::read(fd, buf, want);
        if (n < 0) {
            if (errno == EINTR) continue;
            o.fail(what);
            return false;
        }
        if (n == 0) return true;
        out.append(buf, static_cast<size_t>(n));
    }
}

bool write_fd(int fd, const char *data, size_t length, size_t &written, Outcome &o, const std::string &what) {
    written = 0;
    while (written < length) {
        ssize_t n = ::write(fd, data + written, length - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            o.fail(what);
            return false;
        }
        written += static_cast<size_t>(n);
    }
    return true;
}

// Runs a job on a worker; false (last error / errno set) when the wait did
// not end with the job done.
bool run_job(Aio::Work work) {
    WaitResult r = Aio::run(std::move(work));
    if (r == WaitResult::ready) return true;
    system_wait_failed(r);
    return false;
}

// The fd of a stream resource and what it is: a regular file, something the
// loop can wait on (pipe, socket), or neither (a device: a worker does the I/O).
struct StreamFd {
    php_stream *stream = nullptr;
    int fd = -1;
    bool regular = false;
    bool pollable = false;
};

bool stream_fd(zval *handle, StreamFd &out) {
    php_stream *stream = static_cast<php_stream *>(
        zend_fetch_resource2_ex(handle, "stream", php_file_le_stream(), php_file_le_pstream()));
    if (!stream) return false;
    int fd = -1;
    if (php_stream_cast(stream, PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL,
                        reinterpret_cast<void **>(&fd), 0) != SUCCESS ||
        fd < 0) {
        php_error_docref(nullptr, E_WARNING, "the stream has no file descriptor");
        return false;
    }
    struct stat st;
    out.stream = stream;
    out.fd = fd;
    if (::fstat(fd, &st) == 0) {
        out.regular = S_ISREG(st.st_mode);
        out.pollable = S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode);
    }
    return true;
}

}  // namespace

ZEND_METHOD(System, readFile) {
    zend_string *file;
    zend_long flags = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_PATH_STR(file)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(flags)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();

    struct Job {
        std::string path;
        bool lock;
        std::string data;
        bool ok = false;
        Outcome outcome;
    };
    auto job = std::make_shared<Job>();
    job->path.assign(ZSTR_VAL(file), ZSTR_LEN(file));
    job->lock = (flags & kLockEx) != 0;
    bool done = run_job([job] {
        int fd = ::open(job->path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            job->outcome.fail("open(" + job->path + ", O_RDONLY)");
            return;
        }
        if (job->lock && ::flock(fd, LOCK_SH) != 0) {
            job->outcome.fail("flock(" + job->path + ", LOCK_SH)");
            ::close(fd);
            return;
        }
        struct stat st;
        if (::fstat(fd, &st) == 0 && st.st_size > 0) job->data.reserve(static_cast<size_t>(st.st_size));
        job->ok = read_fd(fd, -1, job->data, job->outcome, ("read(" + job->path + ")").c_str());
        if (job->lock) ::flock(fd, LOCK_UN);
        ::close(fd);
    });
    if (!done) RETURN_FALSE;
    if (!job->ok) {
        log_failure("System::read_file", job->outcome);
        RETURN_FALSE;
    }
    RETURN_STRINGL(job->data.data(), job->data.size());
}

ZEND_METHOD(System, writeFile) {
    zend_string *file;
    zend_string *data;
    zend_long flags = 0;
    ZEND_PARSE_PARAMETERS_START(2, 3)
    Z_PARAM_PATH_STR(file)
    Z_PARAM_STR(data)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(flags)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();

    struct Job {
        std::string path;
        int open_flags;
        bool lock;
        zend_string *data;  // a reference of ours, released on the loop thread
        size_t written = 0;
        bool ok = false;
        Outcome outcome;
        ~Job() { zend_string_release(data); }
    };
    auto job = std::make_shared<Job>();
    job->path.assign(ZSTR_VAL(file), ZSTR_LEN(file));
    job->open_flags = O_WRONLY | O_CREAT | O_CLOEXEC | ((flags & kFileAppend) ? O_APPEND : O_TRUNC);
    job->lock = (flags & kLockEx) != 0;
    job->data = zend_string_copy(data);
    bool done = run_job([job] {
        int fd = ::open(job->path.c_str(), job->open_flags, 0644);
        if (fd < 0) {
            // The flags as Swoole prints them: without our O_CLOEXEC.
            job->outcome.fail("open(" + job->path + ", " + std::to_string(job->open_flags & ~O_CLOEXEC) + ")");
            return;
        }
        if (job->lock && ::flock(fd, LOCK_EX) != 0) {
            job->outcome.fail("flock(" + job->path + ", LOCK_EX)");
            ::close(fd);
            return;
        }
        job->ok = write_fd(fd, ZSTR_VAL(job->data), ZSTR_LEN(job->data), job->written, job->outcome,
                           "write(" + job->path + ")");
        if (job->lock) ::flock(fd, LOCK_UN);
        ::close(fd);
    });
    if (!done) RETURN_FALSE;
    if (!job->ok) {
        log_failure("System::write_file", job->outcome);
        RETURN_FALSE;
    }
    RETURN_LONG(static_cast<zend_long>(job->written));
}

ZEND_METHOD(System, statvfs) {
    zend_string *path;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_PATH_STR(path)
    ZEND_PARSE_PARAMETERS_END();
    struct statvfs st;
    if (::statvfs(ZSTR_VAL(path), &st) != 0) RETURN_FALSE;
    array_init_size(return_value, 11);
    add_assoc_long(return_value, "bsize", static_cast<zend_long>(st.f_bsize));
    add_assoc_long(return_value, "frsize", static_cast<zend_long>(st.f_frsize));
    add_assoc_long(return_value, "blocks", static_cast<zend_long>(st.f_blocks));
    add_assoc_long(return_value, "bfree", static_cast<zend_long>(st.f_bfree));
    add_assoc_long(return_value, "bavail", static_cast<zend_long>(st.f_bavail));
    add_assoc_long(return_value, "files", static_cast<zend_long>(st.f_files));
    add_assoc_long(return_value, "ffree", static_cast<zend_long>(st.f_ffree));
    add_assoc_long(return_value, "favail", static_cast<zend_long>(st.f_favail));
    add_assoc_long(return_value, "fsid", static_cast<zend_long>(st.f_fsid));
    add_assoc_long(return_value, "flag", static_cast<zend_long>(st.f_flag));
    add_assoc_long(return_value, "namemax", static_cast<zend_long>(st.f_namemax));
}

ZEND_METHOD(System, fread) {
    zval *handle;
    zend_long length = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_RESOURCE(handle)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(length)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    StreamFd s;
    if (!stream_fd(handle, s)) RETURN_FALSE;

    if (!s.pollable) {
        // A regular file: `length` bytes or the rest of it. A device: one read.
        if (!s.regular && length <= 0) length = 8192;
        bool single_read = !s.regular;
        struct Job {
            Held handle;
            int fd;
            ssize_t length;
            std::string data;
            bool ok = false;
            Outcome outcome;
            Job(zval *h, int fd, ssize_t length) : handle(h), fd(fd), length(length) {}
        };
        auto job = std::make_shared<Job>(handle, s.fd, length > 0 ? static_cast<ssize_t>(length) : -1);
        bool done = run_job([job, single_read] {
            if (single_read) {
                job->data.resize(static_cast<size_t>(job->length));
                ssize_t n;
                do {
                    n = ::read(job->fd, job->data.data(), job->data.size());
                } while (n < 0 && errno == EINTR);
                if (n < 0) {
                    job->outcome.fail("read");
                    return;
                }
                job->data.resize(static_cast<size_t>(n));
                job->ok = true;
                return;
            }
            if (job->length < 0) {
                // The rest of the file.
                struct stat st;
                off_t pos = ::lseek(job->fd, 0, SEEK_CUR);
                if (::fstat(job->fd, &st) == 0 && pos >= 0 && st.st_size > pos) {
                    job->data.reserve(static_cast<size_t>(st.st_size - pos));
                }
            }
            job->ok = read_fd(job->fd, job->length, job->data, job->outcome, "read");
        });
        if (!done) RETURN_FALSE;
        if (!job->ok) {
            errno = job->outcome.err;
            RETURN_FALSE;
        }
        if (job->data.empty()) s.stream->eof = 1;
        RETURN_STRINGL(job->data.data(), job->data.size());
    }

    // A pipe or socket: one read once readable.
    size_t size = length > 0 ? static_cast<size_t>(length) : 8192;
    zend_string *buf = zend_string_alloc(size, 0);
    for (;;) {
        WaitResult r = Coroutine::wait_fd(s.fd, kernel::kEventRead, -1);
        if (r != WaitResult::ready) {
            zend_string_efree(buf);
            if (r == WaitResult::error) errno = EBADF;
            system_wait_failed(r);
            RETURN_FALSE;
        }
        ssize_t n = ::read(s.fd, ZSTR_VAL(buf), size);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n < 0) {
            zend_string_efree(buf);
            RETURN_FALSE;
        }
        if (n == 0) s.stream->eof = 1;
        ZSTR_LEN(buf) = static_cast<size_t>(n);
        ZSTR_VAL(buf)[n] = '\0';
        if (static_cast<size_t>(n) < size / 2) buf = zend_string_truncate(buf, static_cast<size_t>(n), 0);
        RETURN_NEW_STR(buf);
    }
}

ZEND_METHOD(System, fgets) {
    zval *handle;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_RESOURCE(handle)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    StreamFd s;
    if (!stream_fd(handle, s)) RETURN_FALSE;
    if (!s.regular) {
        php_error_docref(nullptr, E_WARNING, "only support file resources");
        RETURN_FALSE;
    }
    struct Job {
        Held handle;
        int fd;
        std::string line;
        bool eof = false;
        bool ok = false;
        Outcome outcome;
        Job(zval *h, int fd) : handle(h), fd(fd) {}
    };
    auto job = std::make_shared<Job>(handle, s.fd);
    bool done = run_job([job] {
        // Read on from the current position up to a newline, then put the
        // position right after it.
        char buf[8192];
        for (;;) {
            ssize_t n = ::read(job->fd, buf, sizeof buf);
            if (n < 0) {
                if (errno == EINTR) continue;
                job->outcome.fail("read");
                return;
            }
            if (n == 0) {
                job->eof = true;
                break;
            }
            auto *nl = static_cast<char *>(memchr(buf, '\n', static_cast<size_t>(n)));
            if (nl) {
                size_t take = static_cast<size_t>(nl - buf) + 1;
                job->line.append(buf, take);
                ::lseek(job->fd, -static_cast<off_t>(static_cast<size_t>(n) - take), SEEK_CUR);
                break;
            }
            job->line.append(buf, static_cast<size_t>(n));
        }
        job->ok = true;
    });
    if (!done) RETURN_FALSE;
    if (!job->ok) {
        errno = job->outcome.err;
        RETURN_FALSE;
    }
    if (job->eof) s.stream->eof = 1;
    if (job->line.empty()) RETURN_FALSE;
    RETURN_STRINGL(job->line.data(), job->line.size());
}

ZEND_METHOD(System, fwrite) {
    zval *handle;
    zend_string *data;
    zend_long length = 0;
    ZEND_PARSE_PARAMETERS_START(2, 3)
    Z_PARAM_RESOURCE(handle)
    Z_PARAM_STR(data)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(length)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    StreamFd s;
    if (!stream_fd(handle, s)) RETURN_FALSE;
    size_t size = ZSTR_LEN(data);
    if (length > 0 && static_cast<size_t>(length) < size) size = static_cast<size_t>(length);

    if (!s.pollable) {
        struct Job {
            Held handle;
            int fd;
            zend_string *data;
            size_t size;
            size_t written = 0;
            bool ok = false;
            Outcome outcome;
            Job(zval *h, int fd, zend_string *d, size_t size) : handle(h), fd(fd), data(zend_string_copy(d)), size(size) {}
            ~Job() { zend_string_release(data); }
        };
        auto job = std::make_shared<Job>(handle, s.fd, data, size);
        bool done = run_job(
            [job] { job->ok = write_fd(job->fd, ZSTR_VAL(job->data), job->size, job->written, job->outcome, "write"); });
        if (!done) RETURN_FALSE;
        if (!job->ok && job->written == 0) {
            errno = job->outcome.err;
            RETURN_FALSE;
        }
        RETURN_LONG(static_cast<zend_long>(job->written));
    }

    // A pipe or socket: write as it becomes writable, non-blocking for the
    // time of the call (a blocking write of more than the buffer holds would
    // stall the loop).
    int fl = fcntl(s.fd, F_GETFL);
    if (fl >= 0 && !(fl & O_NONBLOCK)) fcntl(s.fd, F_SETFL, fl | O_NONBLOCK);
    size_t written = 0;
    while (written < size) {
        ssize_t n = ::write(s.fd, ZSTR_VAL(data) + written, size - written);
        if (n > 0) {
            written += static_cast<size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno != EAGAIN) break;
        WaitResult r = Coroutine::wait_fd(s.fd, kernel::kEventWrite, -1);
        if (r != WaitResult::ready) {
            if (r == WaitResult::error) errno = EBADF;
            system_wait_failed(r);
            break;
        }
    }
    int saved = errno;
    if (fl >= 0 && !(fl & O_NONBLOCK)) fcntl(s.fd, F_SETFL, fl);
    errno = saved;
    if (written == 0 && size > 0) RETURN_FALSE;
    RETURN_LONG(static_cast<zend_long>(written));
}

}  // namespace swoole::php
