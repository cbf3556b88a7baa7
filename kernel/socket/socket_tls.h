// The TLS transport a Socket owns once enable_tls() ran: one TlsSession and
// the non-blocking fd driver over it (tls/tls_fd.h), behind the Transport
// interface the socket's read/write loops already use.
#pragma once

#include <memory>
#include <string_view>

#include "socket/transport.h"
#include "tls/tls_fd.h"
#include "tls/tls_session.h"

namespace swoole::kernel {

class SocketTls final : public Transport {
  public:
    SocketTls(std::shared_ptr<const TlsContext> context, std::string_view host_name)
        : session_(std::move(context), host_name) {}

    ssize_t read(int fd, void *buf, size_t n) override { return io_.read(fd, buf, n); }
    ssize_t write(int fd, const void *buf, size_t n) override { return io_.write(fd, buf, n); }
    ssize_t peek(int fd, void *buf, size_t n, bool may_read_fd) override {
        return io_.peek(fd, buf, n, may_read_fd);
    }
    size_t take_committed() override { return io_.take_accepted(); }
    int want_events() const override { return io_.want_events(); }
    size_t pending() const override { return io_.pending(); }

    TlsSession &session() { return session_; }
    TlsFdIo &io() { return io_; }

  private:
    TlsSession session_;
    TlsFdIo io_{session_};
};

}  // namespace swoole::kernel
