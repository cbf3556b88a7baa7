// A socket address of any family the coroutine socket speaks (AF_INET,
// AF_INET6, AF_UNIX), built from and shown as the (host, port) pair the PHP
// API uses: an IP literal and a port for the inet families, a path and port 0
// for Unix sockets. Parsing never resolves names (see dns/resolver.h for that),
// so it never blocks.
#pragma once

#include <sys/socket.h>

#include <string>
#include <string_view>

namespace swoole::kernel {

struct SocketAddress {
    sockaddr_storage storage{};
    socklen_t length = 0;

    // An IP literal of the family ("127.0.0.1", "::1", "[::1]") and a port,
    // or for AF_UNIX a path (port ignored; a leading '\0' or '@' is Linux's
    // abstract namespace). False when host is not a literal of the family,
    // the path is too long, or the family is none of the three.
    bool assign(int family, std::string_view host, int port);

    int family() const { return length ? storage.ss_family : AF_UNSPEC; }
    // The IP text or the Unix path ("" for an unnamed Unix socket).
    std::string host() const;
    int port() const;  // 0 for Unix sockets

    sockaddr *sa() { return reinterpret_cast<sockaddr *>(&storage); }
    const sockaddr *sa() const { return reinterpret_cast<const sockaddr *>(&storage); }
};

// Whether host is an IP literal of the family (no name resolution needed).
bool is_ip_literal(int family, std::string_view host);

}  // namespace swoole::kernel
