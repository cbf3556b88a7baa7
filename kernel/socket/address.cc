#include "socket/address.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/un.h>

#include <cstddef>
#include <cstring>

namespace swoole::kernel {

namespace {

// host without IPv6 brackets, NUL-terminated in buf; false when too long.
bool literal_text(std::string_view host, char (&buf)[INET6_ADDRSTRLEN + 1]) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty() || host.size() >= sizeof buf) return false;
    std::memcpy(buf, host.data(), host.size());
    buf[host.size()] = '\0';
    return true;
}

}  // namespace

bool SocketAddress::assign(int family, std::string_view host, int port) {
    storage = {};
    length = 0;
    if (family == AF_UNIX) {
        auto *un = reinterpret_cast<sockaddr_un *>(&storage);
        if (host.size() >= sizeof un->sun_path) return false;
        un->sun_family = AF_UNIX;
        std::memcpy(un->sun_path, host.data(), host.size());
        bool abstract = !host.empty() && (host[0] == '\0' || host[0] == '@');
        if (abstract) un->sun_path[0] = '\0';
        // An abstract name is exactly its bytes; a path is NUL-terminated.
        length = socklen_t(offsetof(sockaddr_un, sun_path) + host.size() + (abstract ? 0 : 1));
        return true;
    }
    if (port < 0 || port > 65535) return false;
    char buf[INET6_ADDRSTRLEN + 1];
    if (!literal_text(host, buf)) return false;
    if (family == AF_INET) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        if (inet_pton(AF_INET, buf, &in->sin_addr) != 1) return false;
        in->sin_family = AF_INET;
        in->sin_port = htons(uint16_t(port));
        length = sizeof(sockaddr_in);
        return true;
    }
    if (family == AF_INET6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        if (inet_pton(AF_INET6, buf, &in6->sin6_addr) != 1) return false;
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(uint16_t(port));
        length = sizeof(sockaddr_in6);
        return true;
    }
    return false;
}

std::string SocketAddress::host() const {
    char buf[INET6_ADDRSTRLEN];
    switch (family()) {
        case AF_INET: {
            const auto *in = reinterpret_cast<const sockaddr_in *>(&storage);
            return inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf) ? buf : "";
        }
        case AF_INET6: {
            const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&storage);
            return inet_ntop(AF_INET6, &in6->sin6_addr, buf, sizeof buf) ? buf : "";
        }
        case AF_UNIX: {
            const auto *un = reinterpret_cast<const sockaddr_un *>(&storage);
            size_t offset = offsetof(sockaddr_un, sun_path);
            if (length <= offset) return "";
            size_t n = length - offset;
            if (un->sun_path[0] == '\0') return std::string(un->sun_path, n);  // abstract
            return std::string(un->sun_path, strnlen(un->sun_path, n));
        }
        default: return "";
    }
}

int SocketAddress::port() const {
    switch (family()) {
        case AF_INET: return ntohs(reinterpret_cast<const sockaddr_in *>(&storage)->sin_port);
        case AF_INET6: return ntohs(reinterpret_cast<const sockaddr_in6 *>(&storage)->sin6_port);
        default: return 0;
    }
}

bool is_ip_literal(int family, std::string_view host) {
    char buf[INET6_ADDRSTRLEN + 1];
    unsigned char bin[sizeof(in6_addr)];
    return (family == AF_INET || family == AF_INET6) && literal_text(host, buf) && inet_pton(family, buf, bin) == 1;
}

}  // namespace swoole::kernel
