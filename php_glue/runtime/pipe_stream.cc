#include "runtime/pipe_stream.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>

#include "coroutine/php_coroutine.h"
#include "reactor/reactor.h"

extern "C" {
#include "ext/standard/file.h"
#include "main/streams/php_stream_plain_wrapper.h"
}

namespace swoole::php::runtime {
namespace {

struct PipeData {
    int fd;
    bool blocking;     // stream_set_blocking(): a blocking stream waits for data
    bool timed_out;    // the last read ran into the timeout
    double timeout;    // seconds, < 0: none
};

PipeData *data_of(php_stream *stream) { return static_cast<PipeData *>(stream->abstract); }

// Waits until fd is ready: parks the coroutine, or polls outside one. False on
// timeout (timed_out set) or when the wait was canceled.
bool wait_ready(PipeData *data, int events) {
    if (PhpCoroutine::inside()) {
        kernel::WaitResult r = kernel::Coroutine::wait_fd(data->fd, events, data->timeout);
        if (r == kernel::WaitResult::timeout) data->timed_out = true;
        return r == kernel::WaitResult::ready;
    }
    pollfd p{data->fd, static_cast<short>(events == kernel::kEventRead ? POLLIN : POLLOUT), 0};
    int ms = data->timeout < 0 ? -1 : static_cast<int>(std::ceil(data->timeout * 1000));
    int n;
    do {
        n = ::poll(&p, 1, ms);
    } while (n < 0 && errno == EINTR);
    if (n == 0) data->timed_out = true;
    return n > 0;
}

ssize_t pipe_read(php_stream *stream, char *buf, size_t count) {
    PipeData *data = data_of(stream);
    data->timed_out = false;
    for (;;) {
        ssize_t n = ::read(data->fd, buf, count);
        if (n > 0) return n;
        if (n == 0) {
            stream->eof = 1;
            return 0;
        }
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            if (!data->blocking || !wait_ready(data, kernel::kEventRead)) return 0;
            continue;
        }
        php_error_docref(nullptr, E_NOTICE, "Read of %zu bytes failed with errno=%d %s", count, errno, strerror(errno));
        if (errno != EBADF) stream->eof = 1;
        return -1;
    }
}

ssize_t pipe_write(php_stream *stream, const char *buf, size_t count) {
    PipeData *data = data_of(stream);
    for (;;) {
        ssize_t n = ::write(data->fd, buf, count);
        if (n >= 0) return n;
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            if (!data->blocking || !wait_ready(data, kernel::kEventWrite)) return 0;
            continue;
        }
        php_error_docref(nullptr, E_NOTICE, "Write of %zu bytes failed with errno=%d %s", count, errno,
                         strerror(errno));
        return -1;
    }
}

int pipe_close(php_stream *stream, int close_handle) {
    PipeData *data = data_of(stream);
    int ret = close_handle ? ::close(data->fd) : 0;
    efree(data);
    stream->abstract = nullptr;
    return ret;
}

int pipe_flush(php_stream *) { return 0; }

int pipe_cast(php_stream *stream, int castas, void **ret) {
    if (castas != PHP_STREAM_AS_FD && castas != PHP_STREAM_AS_FD_FOR_SELECT) return FAILURE;
    if (ret) *reinterpret_cast<int *>(ret) = data_of(stream)->fd;
    return SUCCESS;
}

int pipe_stat(php_stream *stream, php_stream_statbuf *ssb) { return zend_fstat(data_of(stream)->fd, &ssb->sb); }

int pipe_set_option(php_stream *stream, int option, int value, void *ptrparam) {
    PipeData *data = data_of(stream);
    switch (option) {
        case PHP_STREAM_OPTION_BLOCKING: {
            int old = data->blocking ? 1 : 0;
            data->blocking = value != 0;
            return old;
        }
        case PHP_STREAM_OPTION_READ_TIMEOUT: {
            auto *tv = static_cast<struct timeval *>(ptrparam);
            data->timeout = static_cast<double>(tv->tv_sec) + static_cast<double>(tv->tv_usec) / 1e6;
            return PHP_STREAM_OPTION_RETURN_OK;
        }
        case PHP_STREAM_OPTION_META_DATA_API:
            add_assoc_bool(static_cast<zval *>(ptrparam), "timed_out", data->timed_out);
            add_assoc_bool(static_cast<zval *>(ptrparam), "blocked", data->blocking);
            add_assoc_bool(static_cast<zval *>(ptrparam), "eof", stream->eof);
            return PHP_STREAM_OPTION_RETURN_OK;
        default:
            return PHP_STREAM_OPTION_RETURN_NOTIMPL;
    }
}

php_stream_ops g_pipe_ops = {
    pipe_write, pipe_read, pipe_close, pipe_flush, "STDIO", nullptr, pipe_cast, pipe_stat, pipe_set_option,
};

}  // namespace

bool convert_to_pipe_stream(php_stream *stream) {
    if (stream->ops != &php_stream_stdio_ops) return false;
    int fd = -1;
    if (php_stream_cast(stream, PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL, reinterpret_cast<void **>(&fd),
                        0) != SUCCESS ||
        fd < 0) {
        return false;
    }
    // Let the stdio implementation free its state and keep the descriptor.
    stream->ops->close(stream, 0);
    auto *data = static_cast<PipeData *>(emalloc(sizeof(PipeData)));
    data->fd = fd;
    data->blocking = true;
    data->timed_out = false;
    // As other streams over existing descriptors: default_socket_timeout.
    data->timeout = static_cast<double>(FG(default_socket_timeout));
    if (data->timeout <= 0) data->timeout = -1;
    stream->abstract = data;
    stream->ops = &g_pipe_ops;
    stream->flags |= PHP_STREAM_FLAG_NO_SEEK;
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    return true;
}

}  // namespace swoole::php::runtime
