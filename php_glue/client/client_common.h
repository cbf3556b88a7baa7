// What Swoole\Coroutine\Client and Swoole\Client do alike: the `setting`
// property (merged across set() calls, parsed when a socket is opened), the
// connect() argument checks and the TLS peer-certificate calls. Each class
// keeps its own error reporting (Co\Client: errCode + errMsg; Swoole\Client:
// warnings + errCode); these helpers return the code for it.
#pragma once

#include <string>

#include "client/php_client.h"

namespace swoole::php {

// Merges settings into the object's `setting` property (array_merge).
void merge_setting_property(zend_class_entry *ce, zend_object *obj, HashTable *settings);

// The `setting` property parsed into out (untouched when there is none);
// false after the parser's warning.
bool read_setting_property(zend_class_entry *ce, zend_object *obj, SocketSettings &out, SettingsOwner owner);

// connect() arguments: false after the warning "The host is empty" / "The
// port is invalid" (the port matters to the inet types only).
bool client_host_given(const zend_string *host);
bool client_port_valid(const ClientType &type, zend_long port);

// getPeerCert() of the connection sock (may be null): 0 with the PEM in
// return_value; -1 after the warning "SSL is not ready"; else the error code.
int client_peer_cert(kernel::Socket *sock, zval *return_value);

// verifyPeerCert(): 0 when verified; -1 after "SSL is not ready"; else the
// error code, with its text in message when the TLS layer gives one.
int client_verify_peer(kernel::Socket *sock, bool allow_self_signed, std::string *message);

}  // namespace swoole::php
