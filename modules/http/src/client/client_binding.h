// What the PHP bindings of the coroutine HTTP client share (included by
// *_binding.cc only): Swoole\Coroutine\Http\Client and its exception class.
//   client_class_binding.cc      the class, its properties and methods
//   client_request_binding.cc    execute(): request from the properties, response into them
//   client_functions_binding.cc  Swoole\Coroutine\Http\request/get/post, ClientProxy
#pragma once

extern "C" {
#include "php.h"
}

#include <swoole/module.h>

#include <memory>
#include <string>

#include "client/http_client.h"
#include "client/request_writer.h"
#include "client/response_parser.h"

namespace swoole::mod::http::client {

extern const sw_host_api *g_client_host;
extern zend_class_entry *g_client_ce;
extern zend_class_entry *g_client_exception_ce;

struct ClientState {
    ClientState(const sw_host_api *host, std::string h, int port, bool ssl) : client(host, std::move(h), port, ssl) {}
    HttpClient client;
    ResponseParser parser;
    OutgoingRequest request;
    std::string basic_auth;  // "Basic ..." from setBasicAuth()
    std::string ws_key;      // the key of a pending upgrade()
    bool defer = false;
    bool waiting = false;    // a request was sent, its response not read
    bool websocket = false;  // upgraded
    bool websocket_mask = true;
    bool websocket_compression = false;
    bool ws_compression_on = false;  // negotiated by the server
};

struct ClientObject {
    ClientState *state;
    zend_object std;
};

inline ClientObject *client_object(zend_object *o) {
    return reinterpret_cast<ClientObject *>(reinterpret_cast<char *>(o) - XtOffsetOf(ClientObject, std));
}
// The state of a constructed client; E_ERROR when __construct was skipped.
ClientState *client_state(zval *self);

// Ends the request with Swoole\Error "API must be called in the coroutine"
// when not in one (4.8's fatal).
void require_coroutine();

// errCode / errMsg / statusCode from the core's error (and last_error).
void sync_error(zval *self, ClientState &st);
void update_long(zval *self, const char *name, size_t len, zend_long v);
void update_string(zval *self, const char *name, size_t len, std::string_view v);
void update_null(zval *self, const char *name, size_t len);
zval *read_property(zval *self, const char *name, size_t len);
void sync_connected(zval *self, ClientState &st);

// Applies a set() array (already merged into $setting) to the state: false
// after a warning for a bad value (socket_buffer_size <= 0).
bool apply_settings(zval *self, ClientState &st, HashTable *options);

// execute($path) in full (send, then the response unless defer), and the
// response half alone (recv() in defer mode).
bool execute_request(zval *self, ClientState &st, std::string_view path);
bool receive_response(zval *self, ClientState &st, double timeout);
// upgrade($path): the handshake; true when switched to WebSocket.
bool upgrade_connection(zval *self, ClientState &st, std::string_view path);

int register_client_class(int module_number);
int register_client_functions(int module_number);
void client_functions_request_end();

}  // namespace swoole::mod::http::client
