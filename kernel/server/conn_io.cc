#include "server/conn_io.h"

#include <sys/socket.h>

#include <cerrno>

#include "tls/tls_fd.h"

namespace swoole::kernel {

int drain_output(Connection &conn) {
    while (!conn.output.empty()) {
        ssize_t n;
        if (conn.tls) {
            // A file range goes through TLS ≤ 64 KiB at a time (a pending
            // retry always has its memory chunk in front).
            if (conn.output.front_is_file() && !conn.output.load_file_front()) return errno;
            std::string_view front = conn.output.front();
            size_t len = conn.tls_retry ? conn.tls_retry : front.size();
            n = conn.tls_io->write(conn.fd, front.data(), len);
            if (n < 0 && errno == EAGAIN) conn.tls_retry = len;
            if (n > 0) {
                conn.tls_retry = 0;
                conn.output.consume(static_cast<size_t>(n));
            }
        } else {
            n = conn.output.write_to(conn.fd);
        }
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR) return 0;
            return errno;
        }
    }
    return 0;
}

ssize_t send_direct(Connection &conn, const char *data, size_t length) {
    if (!conn.output.empty() || !conn.established || conn.tls) return 0;
    ssize_t n = ::send(conn.fd, data, length, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0) return (errno == EAGAIN || errno == EINTR) ? 0 : -1;
    return n;
}

}  // namespace swoole::kernel
