// Swoole\Coroutine\Http2\Client, Swoole\Http2\Request, Swoole\Http2\Response
// (spec clients.md §6): the PHP objects around the PHP-free h2c::Session.
//   http2_client_binding.cc   the client class, its exception, registration
//   http2_message_binding.cc  Request/Response classes, SWOOLE_HTTP2_*
//                             constants, Request -> RequestSpec, Response -> object
#pragma once

extern "C" {
#include "php.h"
}

#include "http2_client/h2_session.h"

namespace swoole::mod::http::h2c {

extern zend_class_entry *g_h2_request_ce;
extern zend_class_entry *g_h2_response_ce;

void register_message_classes();
void register_http2_constants(int module_number);

// The request's properties as a RequestSpec. false (with a PHP warning)
// when the data array cannot be encoded.
bool request_from_object(zend_object *request, std::string_view host, int port, bool tls, RequestSpec &out);
// Request data (string, or array -> urlencoded) appended to out.
bool encode_body(zval *data, std::string &out);
// A new Swoole\Http2\Response in rv.
void response_to_object(Response &response, zval *rv);

}  // namespace swoole::mod::http::h2c

namespace swoole::mod::http {
int http2_client_register_classes(int module_number);  // at MINIT
}
