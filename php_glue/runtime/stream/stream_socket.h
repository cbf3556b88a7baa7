// Hooked stream sockets (SWOOLE_HOOK_TCP/UDP/UNIX/UDG/SSL/TLS): a php_stream
// whose ops run on a kernel coroutine socket, so fsockopen, stream_socket_*,
// the http:// wrapper, mysqlnd... suspend only the calling coroutine.
//
// The kernel socket is made when the address is known (bind or connect: its
// family follows the host), or adopted (accept, stream_socket_pair). Timeouts
// follow PHP streams: connect from the caller's argument, reads from
// stream_set_timeout (else the coroutine socket default). Non-blocking mode
// is emulated: a read then takes only what is already there.
#pragma once

extern "C" {
#include "php.h"
#include "php_network.h"
#include "php_streams.h"
}

#include <memory>
#include <string>

#include "socket/socket.h"

namespace swoole::php::runtime {

// The transport kinds this file serves.
enum class StreamKind { tcp, udp, unix_stream, unix_dgram };

struct StreamSocket {
    std::unique_ptr<kernel::Socket> sock;
    StreamKind kind = StreamKind::tcp;
    bool blocking = true;
    bool timed_out = false;   // the last read ended by its timeout
    bool tls_on_connect = false;  // ssl://, tls://: handshake right after connect / accept
    int crypto_method = 0;        // STREAM_CRYPTO_METHOD_* of the transport or the last setup (bit 0: client)
    double read_timeout = 0;      // stream_set_timeout; 0: the socket's own setting
    std::string host;             // the connected host name: SNI and certificate check

    int domain() const { return kind == StreamKind::unix_stream || kind == StreamKind::unix_dgram ? AF_UNIX : AF_INET; }
    int type() const { return kind == StreamKind::udp || kind == StreamKind::unix_dgram ? SOCK_DGRAM : SOCK_STREAM; }
};

extern const php_stream_ops stream_socket_ops;

inline bool is_hooked_stream(php_stream *stream) { return stream->ops == &stream_socket_ops; }
inline StreamSocket *stream_data(php_stream *stream) { return static_cast<StreamSocket *>(stream->abstract); }

// A new stream owning data (nullptr when PHP refused it; data is then freed).
php_stream *stream_socket_open(std::unique_ptr<StreamSocket> data, const char *persistent_id);

// The transport factory registered for every hooked protocol.
php_stream *stream_socket_factory(const char *proto, size_t protolen, const char *resourcename,
                                  size_t resourcenamelen, const char *persistent_id, int options, int flags,
                                  struct timeval *timeout, php_stream_context *context STREAMS_DC);

// stream_xport.cc: the PHP_STREAM_OPTION_XPORT_API operations.
int stream_xport_op(php_stream *stream, StreamSocket &data, php_stream_xport_param *param);

// stream_crypto.cc: TLS on a hooked stream (PHP_STREAM_OPTION_CRYPTO_API and
// the handshake of ssl:// connects and accepts). enable_crypto returns true
// once the handshake is done; on failure it emits PHP's warning and fills
// error (when given).
int stream_crypto_op(php_stream *stream, StreamSocket &data, php_stream_xport_crypto_param *param);
bool stream_enable_crypto(php_stream *stream, StreamSocket &data, std::string *error);

// Seconds of a timeval (nullptr: -1, no limit; zero: a minimal wait).
double timeval_seconds(const struct timeval *tv);

}  // namespace swoole::php::runtime
