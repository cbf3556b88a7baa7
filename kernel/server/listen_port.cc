#include "server/listen_port.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>

namespace swoole::kernel {

ListenPort::ListenPort(int index, SocketType type, std::string_view host, int port)
    : index_(index), type_(type), host_(host), port_(port) {}

ListenPort::~ListenPort() { close_socket(); }

int ListenPort::family() const {
    switch (type_) {
    case kSockTcp6:
    case kSockUdp6:
        return AF_INET6;
    case kSockUnixStream:
    case kSockUnixDgram:
        return AF_UNIX;
    default:
        return AF_INET;
    }
}

bool ListenPort::apply_options(int fd, bool reuse_port) {
    int on = 1;
    if (!is_unix()) {
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        if (reuse_port && setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) < 0) return false;
    }
    if (type_ == kSockTcp || type_ == kSockTcp6) {
        if (settings.tcp_defer_accept > 0) {
            int secs = settings.tcp_defer_accept;
            setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &secs, sizeof secs);
        }
        if (settings.tcp_fastopen) {
            int qlen = 16;
            setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof qlen);
        }
    }
    return true;
}

bool ListenPort::open(bool reuse_port) {
    int fam = family();
    if (!address_.assign(fam, host_, port_)) {
        errno = EINVAL;
        return false;
    }
    if (is_unix()) {
        struct stat st {};
        // A socket file left by an earlier run would make bind fail.
        if (::lstat(host_.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) ::unlink(host_.c_str());
    }
    int kind = is_stream() ? SOCK_STREAM : SOCK_DGRAM;
    int fd = ::socket(fam, kind | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    if (fam == AF_INET6) {
        int off = 0;  // "::" serves IPv4 too, as a dual-stack socket
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
    }
    if (!apply_options(fd, reuse_port) || ::bind(fd, address_.sa(), address_.length) < 0 ||
        (is_stream() && ::listen(fd, settings.backlog) < 0)) {
        int e = errno;
        ::close(fd);
        errno = e;
        return false;
    }
    if (!is_unix()) {
        SocketAddress bound;
        bound.length = sizeof bound.storage;
        if (::getsockname(fd, bound.sa(), &bound.length) == 0) {
            port_ = bound.port();
            address_.assign(fam, host_, port_);
        }
    }
    fd_ = fd;
    return true;
}

bool ListenPort::open_reuse_group(int n) {
    // The bound socket joins the group as it is (Linux takes SO_REUSEPORT on
    // a listening socket), so nothing queued on it is lost; else rebind.
    int on = 1;
    if (fd_ < 0 || setsockopt(fd_, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) < 0) {
        close_socket();
        if (!open(true)) return false;
    }
    int main_fd = fd_;
    for (int i = 1; i < n; ++i) {
        fd_ = -1;
        if (!open(true)) {
            int e = errno;
            fd_ = main_fd;
            close_socket();
            errno = e;
            return false;
        }
        group_.push_back(fd_);
    }
    fd_ = main_fd;
    return true;
}

void ListenPort::take_group_member(int i) {
    if (i > 0 && static_cast<size_t>(i) <= group_.size()) {
        ::close(fd_);
        fd_ = group_[static_cast<size_t>(i) - 1];
        group_[static_cast<size_t>(i) - 1] = -1;
    }
    for (int fd : group_) {
        if (fd >= 0) ::close(fd);
    }
    group_.clear();
}

bool ListenPort::adopt(int fd) {
    int domain = 0, kind = 0;
    socklen_t len = sizeof domain;
    if (::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) < 0) return false;
    len = sizeof kind;
    if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &kind, &len) < 0) return false;
    bool stream = kind == SOCK_STREAM;
    if ((kind != SOCK_STREAM && kind != SOCK_DGRAM) ||
        (domain != AF_INET && domain != AF_INET6 && domain != AF_UNIX)) {
        errno = EINVAL;
        return false;
    }
    SocketAddress bound;
    bound.length = sizeof bound.storage;
    if (::getsockname(fd, bound.sa(), &bound.length) < 0) return false;
    switch (domain) {
    case AF_INET: type_ = stream ? kSockTcp : kSockUdp; break;
    case AF_INET6: type_ = stream ? kSockTcp6 : kSockUdp6; break;
    default: type_ = stream ? kSockUnixStream : kSockUnixDgram; break;
    }
    host_ = bound.host();
    port_ = bound.port();
    address_ = bound;
    // The loops expect nonblocking sockets that are not passed on to exec'd programs.
    int fl = ::fcntl(fd, F_GETFL);
    if (fl < 0 || ::fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0 || ::fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) return false;
    fd_ = fd;
    return true;
}

void ListenPort::close_socket() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    for (int fd : group_) {
        if (fd >= 0) ::close(fd);
    }
    group_.clear();
}

}  // namespace swoole::kernel
