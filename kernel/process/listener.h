// A blocking listening stream socket for a group of processes that accept on
// it in turn (the process pool's socket mode): TCP on an IP literal, or a Unix
// socket path. Inherited across fork; each accept(2) hands one connection to
// one process.
#pragma once

#include <string_view>

namespace swoole::kernel {

// host: an IPv4/IPv6 literal (port 0..65535), or a path when unix_path is
// true (a stale file of that name is removed first). The fd, or -1 with errno.
int listen_stream(std::string_view host, int port, int backlog, bool unix_path);

}  // namespace swoole::kernel
