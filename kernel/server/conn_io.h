// Moving a connection's queued output to its socket, shared by the two
// owners of connections: a BASE worker (server.cc) and a PROCESS-mode
// reactor thread (reactor_thread.cc). Plain sockets go with writev of the
// queued chunks and sendfile(2) of queued file ranges; TLS ones record by
// record, file ranges read into memory 64 KiB at a time (a TLS write that
// would block is retried later with the same length, as TLS requires).
#pragma once

#include <sys/types.h>

#include <cstddef>

#include "server/connection.h"

namespace swoole::kernel {

// Writes queued output until it is empty or the socket is full. Returns 0 then,
// or the errno of a hard error (the caller closes the connection).
int drain_output(Connection &conn);

// A new send on a connection with nothing queued: as much of data as a plain
// socket takes at once. Returns the bytes taken (0 when it would block, TLS,
// or not established yet) or -1 with errno on a hard error.
ssize_t send_direct(Connection &conn, const char *data, size_t length);

}  // namespace swoole::kernel
