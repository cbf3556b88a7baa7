// The PHP side of HTTP/2 (included by the *_binding.cc files only): the
// worker's sessions, one per HTTP/2 connection it owns, fed by the request
// handler of the "http2" protocol and freed by its close handler; each
// complete stream becomes a Request/Response pair for onRequest (in a
// coroutine of its own when the server runs coroutines). A Response bound to
// a stream (ResponseObject::stream_id) sends through these functions.
#pragma once

#include "server/php_binding.h"

namespace swoole::mod::http {

// At MINIT: the handlers of the "http2" protocol; HTTP/1 requests arriving
// on such a port go on to http1 (the "http" protocol's handler).
int http2_register(sw_request_handler http1);

// Http\Server::start(): the fatal 4.8 raises when a port speaks HTTP/2 and
// dispatch_mode would spread one connection over several workers.
bool http2_check_start(zend_object *server);

// Response methods on a stream. end: body may be null.
bool http2_end(ResponseObject *r, zend_string *body);
bool http2_sendfile(ResponseObject *r, const char *path, uint64_t offset, uint64_t length);
bool http2_ping(ResponseObject *r);
bool http2_goaway(ResponseObject *r, zend_long error_code, zend_string *debug_data);
// The response was dropped without end(): a 500 with an empty body.
void http2_abandon(ResponseObject *r);

}  // namespace swoole::mod::http
