// The logic both socket clients share (client_common.h).
#include "client/client_common.h"

extern "C" {
#include "ext/standard/php_array.h"
}

#include "base/error.h"
#include "tls/tls_session.h"

namespace swoole::php {

namespace {

zval *setting_property(zend_class_entry *ce, zend_object *obj, zval *rv) {
    zval *setting = zend_read_property(ce, obj, ZEND_STRL("setting"), 1, rv);
    ZVAL_DEREF(setting);
    return setting;
}

// The handshaken TLS session of sock, or nullptr after the warning.
kernel::TlsSession *tls_ready(kernel::Socket *sock) {
    kernel::TlsSession *tls = sock ? sock->tls() : nullptr;
    if (!tls || !tls->handshake_done()) {
        php_error_docref(nullptr, E_WARNING, "SSL is not ready");
        return nullptr;
    }
    return tls;
}

}  // namespace

void merge_setting_property(zend_class_entry *ce, zend_object *obj, HashTable *settings) {
    zval rv;
    zval *setting = setting_property(ce, obj, &rv);
    zval merged;
    if (Z_TYPE_P(setting) == IS_ARRAY) {
        ZVAL_ARR(&merged, zend_array_dup(Z_ARRVAL_P(setting)));
    } else {
        array_init(&merged);
    }
    php_array_merge(Z_ARRVAL(merged), settings);
    zend_update_property(ce, obj, ZEND_STRL("setting"), &merged);
    zval_ptr_dtor(&merged);
}

bool read_setting_property(zend_class_entry *ce, zend_object *obj, SocketSettings &out, SettingsOwner owner) {
    zval rv;
    zval *setting = setting_property(ce, obj, &rv);
    if (Z_TYPE_P(setting) != IS_ARRAY) return true;
    return parse_settings(Z_ARRVAL_P(setting), out, owner);
}

bool client_host_given(const zend_string *host) {
    if (ZSTR_LEN(host) > 0) return true;
    php_error_docref(nullptr, E_WARNING, "The host is empty");
    return false;
}

bool client_port_valid(const ClientType &type, zend_long port) {
    if (!type.inet() || (port > 0 && port <= 65535)) return true;
    php_error_docref(nullptr, E_WARNING, "The port is invalid");
    return false;
}

int client_peer_cert(kernel::Socket *sock, zval *return_value) {
    kernel::TlsSession *tls = tls_ready(sock);
    if (!tls) return -1;
    std::string pem = tls->peer_certificate_pem();
    if (pem.empty()) return kernel::SW_ERROR_SSL_EMPTY_PEER_CERTIFICATE;
    RETVAL_STRINGL(pem.data(), pem.size());
    return 0;
}

int client_verify_peer(kernel::Socket *sock, bool allow_self_signed, std::string *message) {
    kernel::TlsSession *tls = tls_ready(sock);
    if (!tls) return -1;
    return tls->verify(allow_self_signed, message);
}

}  // namespace swoole::php
