/* The reference echo server of tools/bench/socket: one thread, epoll,
 * non-blocking sockets, level-triggered. Listens on 127.0.0.1 at the port
 * given (0: any free one), prints the port on a line of its own once it
 * accepts, then echoes every connection until killed. Bytes that the socket
 * did not take wait in a per-connection buffer (and reading from that
 * connection pauses) until it is writable again. */
#define _GNU_SOURCE /* accept4 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF_SIZE 65536

struct conn {
    int fd;
    size_t pending; /* bytes of buf not yet written back */
    size_t offset;  /* where they start */
    char buf[BUF_SIZE];
};

static void drop(int ep, struct conn *c) {
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    free(c);
}

static void watch(int ep, struct conn *c, int op, unsigned events) {
    struct epoll_event ev = {.events = events, .data.ptr = c};
    epoll_ctl(ep, op, c->fd, &ev);
}

/* Writes what is pending; 0 when all went, 1 when the socket is full, -1 on error. */
static int flush(struct conn *c) {
    while (c->pending > 0) {
        ssize_t n = send(c->fd, c->buf + c->offset, c->pending, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno == EAGAIN || errno == EWOULDBLOCK ? 1 : -1;
        }
        c->offset += (size_t)n;
        c->pending -= (size_t)n;
    }
    c->offset = 0;
    return 0;
}

static void on_readable(int ep, struct conn *c) {
    ssize_t n = recv(c->fd, c->buf, BUF_SIZE, 0);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        drop(ep, c);
        return;
    }
    if (n < 0) return;
    c->pending = (size_t)n;
    c->offset = 0;
    int r = flush(c);
    if (r < 0) drop(ep, c);
    else if (r > 0) watch(ep, c, EPOLL_CTL_MOD, EPOLLOUT);
}

static void on_writable(int ep, struct conn *c) {
    int r = flush(c);
    if (r < 0) drop(ep, c);
    else if (r == 0) watch(ep, c, EPOLL_CTL_MOD, EPOLLIN);
}

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 0;
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(lfd, 1024) != 0 ||
        getsockname(lfd, (struct sockaddr *)&addr, &len) != 0) {
        perror("echo_server");
        return 1;
    }
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event lev = {.events = EPOLLIN, .data.ptr = NULL};
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &lev);
    printf("%d\n", ntohs(addr.sin_port));
    fflush(stdout);

    struct epoll_event events[256];
    for (;;) {
        int n = epoll_wait(ep, events, 256, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            perror("epoll_wait");
            return 1;
        }
        for (int i = 0; i < n; ++i) {
            struct conn *c = events[i].data.ptr;
            if (c == NULL) {
                int fd;
                while ((fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    struct conn *nc = malloc(sizeof *nc);
                    if (nc == NULL) {
                        close(fd);
                        continue;
                    }
                    nc->fd = fd;
                    nc->pending = nc->offset = 0;
                    watch(ep, nc, EPOLL_CTL_ADD, EPOLLIN);
                }
            } else if (events[i].events & EPOLLOUT) {
                on_writable(ep, c);
            } else {
                on_readable(ep, c);
            }
        }
    }
}
