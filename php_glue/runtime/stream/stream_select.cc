// stream_select() inside a coroutine: the streams' fds are polled without
// blocking the loop, and the arrays are rewritten as PHP's select does.
//
// Order of the checks, as PHP: read streams with bytes already buffered win
// (only they are returned, the other arrays are emptied); else one poll(2)
// with no wait; else, unless the timeout is 0, the coroutine parks on the
// reactor until an fd is ready or the timeout passes, and a last poll(2)
// tells which. Streams without a pollable fd (plain files, memory) take part
// only through buffered bytes; sockets (hooked or not) and pipes are polled.
#include "runtime/stream/stream_functions.h"

#include <poll.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "coroutine/php_coroutine.h"
#include "reactor/reactor.h"
#include "runtime/stream/stream_socket.h"
#include "tls/tls_session.h"

namespace swoole::php::runtime {

namespace {

enum SetKind { kRead = 0, kWrite = 1, kExcept = 2 };

struct Member {
    int set;          // SetKind
    int poll_index;   // into the pollfd list, -1: not polled
    bool ready = false;
};

constexpr short kReadyMask[3] = {POLLIN | POLLHUP | POLLERR, POLLOUT | POLLHUP | POLLERR, POLLPRI};
constexpr short kAskMask[3] = {POLLIN, POLLOUT, POLLPRI};

// Bytes a read would return at once: PHP's read buffer, or TLS plaintext held by the session.
bool has_buffered(php_stream *stream) {
    if (stream->writepos > stream->readpos) return true;
    if (!is_hooked_stream(stream)) return false;
    StreamSocket *data = stream_data(stream);
    kernel::TlsSession *session = data && data->sock ? data->sock->tls() : nullptr;
    return session && session->pending_plaintext() > 0;
}

// The fd to poll for a stream, or -1: hooked sockets, other sockets and pipes.
int pollable_fd(php_stream *stream) {
    php_socket_t fd = -1;
    if (php_stream_cast(stream, PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL, reinterpret_cast<void **>(&fd), 1) !=
            SUCCESS ||
        fd < 0) {
        return -1;
    }
    if (is_hooked_stream(stream)) return fd;
    struct stat st;
    if (fstat(fd, &st) != 0) return -1;
    return S_ISSOCK(st.st_mode) || S_ISFIFO(st.st_mode) ? fd : -1;
}

class Selection {
  public:
    void collect(zval *array, int set) {
        if (!array) return;
        zval *elem;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(array), elem) {
            ZVAL_DEREF(elem);
            php_stream *stream;
            php_stream_from_zval_no_verify(stream, elem);
            Member m{set, -1};
            if (stream) {
                if (set == kRead && has_buffered(stream)) {
                    m.ready = true;
                    ++buffered_;
                } else {
                    int fd = pollable_fd(stream);
                    if (fd >= 0) m.poll_index = add_fd(fd, kAskMask[set]);
                }
            }
            members_.push_back(m);
        }
        ZEND_HASH_FOREACH_END();
    }

    size_t buffered() const { return buffered_; }
    std::vector<pollfd> &fds() { return fds_; }

    // One poll(2) without waiting; the number of members found ready.
    int poll_now() {
        if (!fds_.empty()) {
            for (pollfd &p : fds_) p.revents = 0;
            if (::poll(fds_.data(), fds_.size(), 0) < 0) return -1;
        }
        int count = 0;
        for (Member &m : members_) {
            if (m.poll_index >= 0 && (fds_[m.poll_index].revents & kReadyMask[m.set])) m.ready = true;
            count += m.ready;
        }
        return count;
    }

    // Replaces the array with its ready members (keys kept); only_read drops the others.
    void rewrite(zval *array, int set, size_t &cursor, bool only_read) {
        if (!array) return;
        HashTable *out = zend_new_array(0);
        zend_ulong index;
        zend_string *key;
        zval *elem;
        ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(array), index, key, elem) {
            const Member &m = members_[cursor++];
            if (!m.ready || (only_read && set != kRead)) continue;
            Z_TRY_ADDREF_P(elem);
            if (key) {
                zend_hash_update(out, key, elem);
            } else {
                zend_hash_index_update(out, index, elem);
            }
        }
        ZEND_HASH_FOREACH_END();
        zval_ptr_dtor(array);
        ZVAL_ARR(array, out);
    }

  private:
    int add_fd(int fd, short events) {
        for (size_t i = 0; i < fds_.size(); ++i) {
            if (fds_[i].fd == fd) {
                fds_[i].events |= events;
                return static_cast<int>(i);
            }
        }
        fds_.push_back(pollfd{fd, events, 0});
        return static_cast<int>(fds_.size() - 1);
    }

    std::vector<Member> members_;
    std::vector<pollfd> fds_;
    size_t buffered_ = 0;
};

// The parked coroutine and whether something already woke it.
struct Waiter {
    kernel::Coroutine *co;
    bool woken = false;
};

void wake_waiter(Waiter *w) {
    if (w->woken) return;
    w->woken = true;
    kernel::Coroutine::wake(w->co);
}

void on_fd_ready(int, int, void *arg) { wake_waiter(static_cast<Waiter *>(arg)); }
void on_timeout(kernel::TimerId, void *arg) { wake_waiter(static_cast<Waiter *>(arg)); }

// Parks until one of fds is ready or timeout (seconds, < 0: none) passes.
void wait_any(std::vector<pollfd> &fds, double timeout) {
    kernel::Reactor &reactor = PhpCoroutine::reactor();
    Waiter waiter{kernel::Coroutine::current()};
    size_t added = 0;
    bool complete = true;
    for (; added < fds.size(); ++added) {
        int events = 0;
        if (fds[added].events & (POLLIN | POLLPRI)) events |= kernel::kEventRead;
        if (fds[added].events & POLLOUT) events |= kernel::kEventWrite;
        if (!reactor.add(fds[added].fd, events, on_fd_ready, &waiter)) {
            complete = false;  // the fd is registered by someone else: poll it periodically
            break;
        }
    }
    if (complete) {
        kernel::TimerId timer = timeout >= 0 ? reactor.after(static_cast<uint64_t>(timeout * 1000), on_timeout, &waiter) : 0;
        kernel::Coroutine::park();
        if (timer) reactor.clear(timer);
    }
    for (size_t i = 0; i < added; ++i) reactor.remove(fds[i].fd);
    if (complete) return;
    // Fallback: short sleeps until an fd is ready or the time is up.
    constexpr double kStep = 0.005;
    for (double waited = 0; timeout < 0 || waited < timeout; waited += kStep) {
        if (kernel::Coroutine::sleep(kStep) == kernel::WaitResult::canceled) return;
        for (pollfd &p : fds) p.revents = 0;
        if (::poll(fds.data(), fds.size(), 0) != 0) return;
    }
}

}  // namespace

void hooked_stream_select(INTERNAL_FUNCTION_PARAMETERS) {
    if (!PhpCoroutine::inside()) {
        call_original(stream_function_hooks[0], INTERNAL_FUNCTION_PARAM_PASSTHRU);
        return;
    }
    zval *read = nullptr, *write = nullptr, *except = nullptr;
    zend_long sec = 0, usec = 0;
    bool sec_null = true, usec_null = true;
    ZEND_PARSE_PARAMETERS_START(4, 5)
        Z_PARAM_ARRAY_EX2(read, 1, 1, 0)
        Z_PARAM_ARRAY_EX2(write, 1, 1, 0)
        Z_PARAM_ARRAY_EX2(except, 1, 1, 0)
        Z_PARAM_LONG_OR_NULL(sec, sec_null)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG_OR_NULL(usec, usec_null)
    ZEND_PARSE_PARAMETERS_END();

    if (!read && !write && !except) {
        zend_value_error("No stream arrays were passed");
        RETURN_THROWS();
    }
    double timeout = -1;
    if (!sec_null) {
        if (sec < 0) {
            zend_argument_value_error(4, "must be greater than or equal to 0");
            RETURN_THROWS();
        }
        if (usec < 0) {
            zend_argument_value_error(5, "must be greater than or equal to 0");
            RETURN_THROWS();
        }
        timeout = static_cast<double>(sec) + static_cast<double>(usec) / 1e6;
    } else if (!usec_null && usec != 0) {
        zend_argument_value_error(5, "must be null when argument #4 ($seconds) is null");
        RETURN_THROWS();
    }

    Selection selection;
    selection.collect(read, kRead);
    selection.collect(write, kWrite);
    selection.collect(except, kExcept);
    if (EG(exception)) RETURN_THROWS();  // an element that is not a stream

    size_t cursor = 0;
    if (selection.buffered() > 0) {
        // Buffered read data answers at once, and alone (as PHP's select).
        selection.rewrite(read, kRead, cursor, true);
        if (write) zend_hash_clean(Z_ARRVAL_P(write));
        if (except) zend_hash_clean(Z_ARRVAL_P(except));
        RETURN_LONG(static_cast<zend_long>(selection.buffered()));
    }
    int ready = selection.poll_now();
    if (ready == 0 && timeout != 0 && !selection.fds().empty()) {
        wait_any(selection.fds(), timeout);
        ready = selection.poll_now();
    } else if (ready == 0 && timeout > 0) {
        kernel::Coroutine::sleep(timeout);  // nothing pollable: PHP's select just waits
    }
    if (ready < 0) {
        php_error_docref(nullptr, E_WARNING, "Unable to select [%d]: %s", errno, strerror(errno));
        RETURN_FALSE;
    }
    selection.rewrite(read, kRead, cursor, false);
    selection.rewrite(write, kWrite, cursor, false);
    selection.rewrite(except, kExcept, cursor, false);
    RETURN_LONG(ready);
}

}  // namespace swoole::php::runtime
