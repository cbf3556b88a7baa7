/* The load generator of tools/bench/server: C connections (default 100) to
 * 127.0.0.1:PORT, each doing ROUNDS round trips of a SIZE-byte message (send
 * it, wait until all of it came back, send again), all driven by one epoll
 * loop. Prints "<round trips/s> <seconds>" when every connection is done.
 * usage: server_load PORT [CONNECTIONS [ROUNDS [SIZE]]] */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct client {
    int fd;
    long left;      /* round trips still to do */
    size_t got;     /* bytes of the current echo received */
};

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int send_msg(int fd, const char *msg, size_t size) {
    size_t off = 0;
    while (off < size) {
        ssize_t n = send(fd, msg + off, size - off, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) continue; /* tiny messages: the buffer frees at once */
            return -1;
        }
        off += (size_t)n;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s PORT [CONNECTIONS [ROUNDS [SIZE]]]\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    int nconn = argc > 2 ? atoi(argv[2]) : 100;
    long rounds = argc > 3 ? atol(argv[3]) : 2000;
    size_t size = argc > 4 ? (size_t)atol(argv[4]) : 64;
    char *msg = malloc(size);
    char buf[65536];
    memset(msg, 'x', size);
    int ep = epoll_create1(0);
    struct client *clients = calloc((size_t)nconn, sizeof *clients);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < nconn; ++i) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
            perror("connect");
            return 1;
        }
        int on = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        clients[i].fd = fd;
        clients[i].left = rounds;
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = &clients[i]};
        epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    }
    double start = now();
    for (int i = 0; i < nconn; ++i) {
        if (send_msg(clients[i].fd, msg, size) < 0) {
            perror("send");
            return 1;
        }
    }
    int active = nconn;
    struct epoll_event events[256];
    while (active > 0) {
        int n = epoll_wait(ep, events, 256, 10000);
        if (n == 0) {
            fprintf(stderr, "server_load: no answer for 10 s (%d connections unfinished)\n", active);
            return 1;
        }
        for (int i = 0; i < n; ++i) {
            struct client *c = events[i].data.ptr;
            ssize_t r = recv(c->fd, buf, sizeof buf, 0);
            if (r <= 0) {
                if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
                fprintf(stderr, "server_load: the server closed a connection\n");
                return 1;
            }
            c->got += (size_t)r;
            if (c->got < size) continue;
            c->got -= size;
            if (--c->left == 0) {
                epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
                close(c->fd);
                --active;
                continue;
            }
            if (send_msg(c->fd, msg, size) < 0) {
                perror("send");
                return 1;
            }
        }
    }
    double secs = now() - start;
    printf("%.0f %.3f\n", (double)nconn * (double)rounds / secs, secs);
    return 0;
}
