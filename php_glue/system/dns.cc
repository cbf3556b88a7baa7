// System::gethostbyname / getaddrinfo (the system resolver on an Aio thread,
// cached per dns_cache_*), System::dnsLookup and swoole_async_dns_lookup_coro
// (evdns over UDP, dns_server), swoole_clear_dns_cache.
#include <netinet/in.h>
#include <sys/socket.h>

#include <string>
#include <vector>

#include "coroutine/php_coroutine.h"
#include "dns/dns_cache.h"
#include "dns/resolver.h"
#include "system/system.h"

namespace swoole::php {

namespace {

constexpr double kDefaultDnsTimeout = 60;

bool valid_family(zend_long family) {
    if (family == AF_INET || family == AF_INET6) return true;
    php_error_docref(nullptr, E_WARNING, "unknown protocol family, must be AF_INET or AF_INET6");
    return false;
}

// timeout <= 0: the socket_dns_timeout option, else 60 s.
double dns_timeout(double timeout) {
    if (timeout > 0) return timeout;
    zval *v = PhpCoroutine::option("socket_dns_timeout");
    if (v) {
        double t = zval_get_double(v);
        if (t > 0) return t;
    }
    return kDefaultDnsTimeout;
}

// The dns_cache_expire / dns_cache_capacity options as last set by Co::set().
void apply_cache_options() {
    kernel::DnsCache &cache = kernel::DnsCache::instance();
    if (zval *v = PhpCoroutine::option("dns_cache_expire")) cache.set_expire(zval_get_double(v));
    if (zval *v = PhpCoroutine::option("dns_cache_capacity")) {
        zend_long n = zval_get_long(v);
        cache.set_capacity(n < 0 ? 0 : static_cast<size_t>(n));
    }
}

void dns_lookup(INTERNAL_FUNCTION_PARAMETERS) {
    zval *domain;
    double timeout = kDefaultDnsTimeout;
    zend_long type = AF_INET;
    ZEND_PARSE_PARAMETERS_START(1, 3)
    Z_PARAM_ZVAL(domain)
    Z_PARAM_OPTIONAL
    Z_PARAM_DOUBLE(timeout)
    Z_PARAM_LONG(type)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    if (Z_TYPE_P(domain) != IS_STRING) {
        php_error_docref(nullptr, E_WARNING, "invalid domain name");
        RETURN_FALSE;
    }
    if (Z_STRLEN_P(domain) == 0) {
        php_error_docref(nullptr, E_WARNING, "domain name empty");
        RETURN_FALSE;
    }
    if (!valid_family(type)) RETURN_FALSE;
    kernel::DnsLookupOptions options;
    if (zval *server = PhpCoroutine::option("dns_server")) {
        zend_string *s = zval_get_string(server);
        options.nameserver.assign(ZSTR_VAL(s), ZSTR_LEN(s));
        zend_string_release(s);
    }
    std::string address;
    if (!kernel::dns_lookup(std::string(Z_STRVAL_P(domain), Z_STRLEN_P(domain)), static_cast<int>(type), timeout,
                            options, address)) {
        RETURN_FALSE;
    }
    RETURN_STRINGL(address.data(), address.size());
}

}  // namespace

ZEND_METHOD(System, gethostbyname) {
    zend_string *domain;
    zend_long family = AF_INET;
    double timeout = -1;
    ZEND_PARSE_PARAMETERS_START(1, 3)
    Z_PARAM_STR(domain)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(family)
    Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    if (ZSTR_LEN(domain) == 0) {
        php_error_docref(nullptr, E_WARNING, "domain name is empty");
        RETURN_FALSE;
    }
    if (!valid_family(family)) RETURN_FALSE;
    apply_cache_options();
    std::string address;
    if (!kernel::gethostbyname(std::string(ZSTR_VAL(domain), ZSTR_LEN(domain)), static_cast<int>(family),
                               dns_timeout(timeout), address)) {
        RETURN_FALSE;
    }
    RETURN_STRINGL(address.data(), address.size());
}

ZEND_METHOD(System, getaddrinfo) {
    zend_string *host;
    zend_long family = AF_INET, socktype = SOCK_STREAM, protocol = IPPROTO_TCP;
    zend_string *service = nullptr;
    double timeout = -1;
    ZEND_PARSE_PARAMETERS_START(1, 6)
    Z_PARAM_STR(host)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(family)
    Z_PARAM_LONG(socktype)
    Z_PARAM_LONG(protocol)
    Z_PARAM_STR_OR_NULL(service)
    Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    if (ZSTR_LEN(host) == 0) {
        php_error_docref(nullptr, E_WARNING, "hostname is empty");
        RETURN_FALSE;
    }
    if (!valid_family(family)) RETURN_FALSE;
    kernel::AddrInfoRequest request;
    request.host.assign(ZSTR_VAL(host), ZSTR_LEN(host));
    request.family = static_cast<int>(family);
    request.socktype = static_cast<int>(socktype);
    request.protocol = static_cast<int>(protocol);
    if (service) request.service.assign(ZSTR_VAL(service), ZSTR_LEN(service));
    std::vector<std::string> addresses;
    if (!kernel::resolve_addrinfo(request, dns_timeout(timeout), addresses)) RETURN_FALSE;
    array_init_size(return_value, static_cast<uint32_t>(addresses.size()));
    for (const std::string &a : addresses) add_next_index_stringl(return_value, a.data(), a.size());
}

ZEND_METHOD(System, dnsLookup) { dns_lookup(INTERNAL_FUNCTION_PARAM_PASSTHRU); }

ZEND_FUNCTION(swoole_async_dns_lookup_coro) { dns_lookup(INTERNAL_FUNCTION_PARAM_PASSTHRU); }

ZEND_FUNCTION(swoole_clear_dns_cache) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::DnsCache::instance().clear();
}

}  // namespace swoole::php
