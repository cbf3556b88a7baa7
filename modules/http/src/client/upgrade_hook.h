// Where a WebSocket module plugs its frames into Coroutine\Http\Client.
//
// The http module does the handshake (upgrade(): key, 101, the
// Sec-WebSocket-Accept check); the frames (push(), recv() after an upgrade)
// belong to the websocket module, which installs two functions here from its
// load hook. It finds the installer with dlsym() on the http module's handle
// (dlopen(path, RTLD_NOLOAD)): the symbol below is exported with C linkage.
// Without hooks, push()/recv() after an upgrade fail with errCode
// SWOOLE_ERROR_WEBSOCKET_PACK_FAILED (8505) / UNPACK_FAILED (8506) and errMsg
// "websocket module is not loaded" instead of pretending.
//
// The hooks see the connection only through sw_http_ws_stream: send/recv of
// raw bytes (recv first returns what arrived after the 101 head). They
// return 0, or an errno / SW_ERROR_* code: the client then sets errCode and
// errMsg, statusCode -3, and closes the connection unless it was a timeout
// (ETIMEDOUT) of recv.
#pragma once

#include <swoole/module.h>

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

extern "C" {

typedef struct sw_http_ws_stream {
    uint32_t struct_size;
    void *client;  // opaque, handed back to send/recv
    ssize_t (*send)(void *client, const void *data, size_t n, double timeout);  // n, or -1
    ssize_t (*recv)(void *client, void *buf, size_t n, double timeout);        // > 0, 0 closed, -1
    int mask;         // websocket_mask
    int compression;  // permessage-deflate was negotiated
    int fd;           // for Frame::$fd
} sw_http_ws_stream;

typedef struct sw_http_ws_hooks {
    uint32_t struct_size;
    // push($data, $opcode, $flags): data is the zval * given to push().
    int (*push)(const sw_http_ws_stream *stream, void *data, long opcode, long flags);
    // recv($timeout): writes a Swoole\WebSocket\Frame (or false) into the
    // zval * return_value.
    int (*recv)(const sw_http_ws_stream *stream, double timeout, void *return_value);
} sw_http_ws_hooks;

// Installs (or with NULL removes) the frame functions; the table must
// outlive its installation.
SW_MODULE_EXPORT void swoole_http_client_set_websocket_hooks(const sw_http_ws_hooks *hooks);
SW_MODULE_EXPORT const sw_http_ws_hooks *swoole_http_client_websocket_hooks(void);
}
