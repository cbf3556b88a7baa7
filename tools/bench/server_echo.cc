// The kernel echo server of tools/bench/server: our server core (kernel
// Server API, no PHP) echoing every read on 127.0.0.1. Prints the bound port
// on its first line, then serves until SIGTERM.
// usage: server_echo base|process WORKERS [REACTORS]
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "server/server.h"

using namespace swoole::kernel;

int main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s base|process WORKERS [REACTORS]\n", argv[0]);
        return 2;
    }
    ServerEvents ev;
    ev.on_receive = [](void *, Server &s, Connection &c, std::string_view data) { s.send(c.session, data); };
    Server server(ev);
    ListenPort *port = server.add_port(kSockTcp, "127.0.0.1", 0);
    if (!port) {
        std::perror("bind");
        return 1;
    }
    server.settings.mode = std::strcmp(argv[1], "process") == 0 ? ServerMode::process : ServerMode::base;
    server.settings.worker_num = std::atoi(argv[2]);
    if (argc > 3) server.settings.reactor_num = std::atoi(argv[3]);
    std::printf("%d\n", port->port());
    std::fflush(stdout);
    return server.start() == 0 ? 0 : 1;
}
