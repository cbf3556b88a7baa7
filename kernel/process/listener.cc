#include "process/listener.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace swoole::kernel {

namespace {

int finish(int fd, const sockaddr *addr, socklen_t len, int backlog) {
    if (::bind(fd, addr, len) != 0 || ::listen(fd, backlog) != 0) {
        int err = errno;
        ::close(fd);
        errno = err;
        return -1;
    }
    return fd;
}

}  // namespace

int listen_stream(std::string_view host, int port, int backlog, bool unix_path) {
    if (unix_path) {
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        if (host.empty() || host.size() >= sizeof addr.sun_path) {
            errno = EINVAL;
            return -1;
        }
        std::memcpy(addr.sun_path, host.data(), host.size());
        ::unlink(addr.sun_path);
        int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) return -1;
        return finish(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr, backlog);
    }
    if (port < 0 || port > 65535) {
        errno = EINVAL;
        return -1;
    }
    addrinfo hints{};
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    std::string name(host), service = std::to_string(port);
    if (::getaddrinfo(name.c_str(), service.c_str(), &hints, &found) != 0 || !found) {
        errno = EINVAL;
        return -1;
    }
    int fd = ::socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        ::freeaddrinfo(found);
        return -1;
    }
    int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    fd = finish(fd, found->ai_addr, found->ai_addrlen, backlog);
    int err = errno;
    ::freeaddrinfo(found);
    errno = err;
    return fd;
}

}  // namespace swoole::kernel
