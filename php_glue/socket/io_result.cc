// The bound-socket fatal error and the reused read buffer (io_result.h).
#include "socket/io_result.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "base/error.h"

namespace swoole::php {

void check_bound(const kernel::Socket &sock, bool reading) {
    if (sock.error_code() != kernel::SW_ERROR_CO_HAS_BEEN_BOUND) return;
    int64_t holder = reading ? sock.reader_id() : sock.writer_id();
    zend_throw_exception_ex(swoole_error_ce, kernel::SW_ERROR_CO_HAS_BEEN_BOUND,
                            "Socket#%d has already been bound to another coroutine#" ZEND_LONG_FMT
                            ", %s of the same socket in coroutine#" ZEND_LONG_FMT " at the same time is not allowed",
                            sock.fd(), static_cast<zend_long>(holder), reading ? "reading" : "writing",
                            static_cast<zend_long>(PhpCoroutine::cid()));
    zend_exception_error(EG(exception), E_ERROR);
    zend_bailout();
}

bool read_in_progress(const kernel::Socket &sock) {
    int64_t reader = sock.reader_id();
    return reader != 0 && reader != PhpCoroutine::cid();
}

ReadTarget::ReadTarget(SocketState &st, size_t n) : capacity_(n) {
    if (n <= kReuseLimit && !read_in_progress(*st.sock)) {
        std::span<char> room = st.framer.prepare(n);
        if (room.size() >= n) {
            data_ = room.data();
            return;
        }
    }
    fresh_ = zend_string_alloc(n, 0);
    data_ = ZSTR_VAL(fresh_);
}

ReadTarget::~ReadTarget() {
    if (fresh_) zend_string_efree(fresh_);
}

zend_string *ReadTarget::take(size_t r) {
    if (!fresh_) return zend_string_init(data_, r, 0);
    zend_string *buf = fresh_;
    fresh_ = nullptr;
    if (r < capacity_ / 2) buf = zend_string_truncate(buf, r, 0);
    ZSTR_LEN(buf) = r;
    ZSTR_VAL(buf)[r] = '\0';
    return buf;
}

}  // namespace swoole::php
