// What the PHP bindings of the http server share (included by *_binding.cc
// only: PHP headers stay out of the cores): the classes, their object
// layouts and property slots, the worker's http settings, the host table.
#pragma once

extern "C" {
#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
}

#include <swoole/module.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "server/compress.h"
#include "server/multipart.h"
#include "server/static_handler.h"

namespace swoole::mod::http {

extern const sw_host_api *g_php_host;
extern zend_class_entry *g_request_ce;
extern zend_class_entry *g_response_ce;
extern zend_class_entry *g_http_server_ce;

// Property slots, in declaration order.
enum RequestSlot { kReqFd, kReqStreamId, kReqHeader, kReqServer, kReqCookie, kReqGet, kReqFiles, kReqPost, kReqTmpfiles };
enum ResponseSlot { kResFd, kResSocket, kResHeader, kResCookie, kResTrailer };

struct StandaloneParse;  // request_binding.cc: Request::create()'s parser
struct RequestObject {
    zend_string *data = nullptr;  // the raw head followed by the decoded body
    uint32_t body_offset = 0;
    uint8_t method = 0;
    StandaloneParse *parse = nullptr;  // only for Request::create()
    zend_object std;
};

struct ResponseObject {
    zend_object *server = nullptr;  // held while the response lives
    int64_t session = 0;
    int status = 200;
    zend_string *reason = nullptr;
    Encoding encoding = Encoding::none;  // what the request accepts
    bool keep_alive = true;
    bool head = false;      // HEAD request: no body on the wire
    bool ended = false;
    bool detached = false;
    bool chunked = false;   // write() sent the head
    uint32_t stream_id = 0; // HTTP/2: the stream answered (http2/h2_binding.h)
    zend_object std;
};

inline RequestObject *request_of(zend_object *o) {
    return reinterpret_cast<RequestObject *>(reinterpret_cast<char *>(o) - XtOffsetOf(RequestObject, std));
}
inline ResponseObject *response_of(zend_object *o) {
    return reinterpret_cast<ResponseObject *>(reinterpret_cast<char *>(o) - XtOffsetOf(ResponseObject, std));
}

// The http settings of a server as this worker reads them (once).
struct HttpSettings {
    bool parse_post = true;
    bool parse_cookie = true;
    bool parse_files = false;
    bool compression = true;
    int compression_level = 1;
    size_t compression_min_length = 20;
    MultipartOptions multipart;
    bool static_enabled = false;
    StaticHandler static_handler;
};
const HttpSettings &http_settings(zend_object *server);

int register_request_class();
int register_response_class();

// Builds the Request of a delivered request (the wire view is parsed already).
class WireView;
void build_request(zend_object *request, zend_object *server, const sw_server_request &req, const WireView &wire,
                   const HttpSettings &settings);
// Binds a new Response to a connection.
void init_response(zend_object *response, zend_object *server, int64_t session, bool keep_alive, bool head,
                   Encoding encoding);
// The server that last delivered a request here (Response::create($fd)).
extern zend_object *g_current_server;

}  // namespace swoole::mod::http
