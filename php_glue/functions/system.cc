// System and helper functions: swoole_cpu_num(), swoole_get_local_ip(),
// swoole_get_local_mac(), swoole_set_process_name(), swoole_hashcode(),
// swoole_substr_unserialize(), swoole_substr_json_decode().
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netpacket/packet.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstring>
#include <string>

#include "glue.h"

extern "C" {
#include "ext/standard/php_var.h"
}

namespace swoole::php {
namespace {

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_cpu_num, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_return_array_or_false, 0, 0, MAY_BE_ARRAY | MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_set_process_name, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, process_name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_swoole_hashcode, 0, 1, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, type, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_substr_unserialize, 0, 2, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO(0, str, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, offset, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "-1")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_substr_json_decode, 0, 2, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO(0, json, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, offset, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "-1")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, associative, _IS_BOOL, 1, "null")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, depth, IS_LONG, 0, "512")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

PHP_FUNCTION(swoole_cpu_num) {
    ZEND_PARSE_PARAMETERS_NONE();
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    RETURN_LONG(n > 0 ? n : 1);
}

// The interface list, or nullptr after the warning both functions give.
struct ifaddrs *interfaces_or_warn() {
    struct ifaddrs *list;
    if (getifaddrs(&list) == 0) return list;
    php_error_docref(nullptr, E_WARNING, "getifaddrs() failed, Error: %s[%d]", strerror(errno), errno);
    return nullptr;
}

// [ifname => IPv4] of the interfaces that are up, 127.0.0.1 left out; an
// interface with several addresses reports its last one.
PHP_FUNCTION(swoole_get_local_ip) {
    ZEND_PARSE_PARAMETERS_NONE();
    struct ifaddrs *list = interfaces_or_warn();
    if (!list) RETURN_FALSE;
    array_init(return_value);
    for (struct ifaddrs *ifa = list; ifa != nullptr; ifa = ifa->ifa_next) {
        if (ifa->ifa_addr == nullptr || ifa->ifa_addr->sa_family != AF_INET || !(ifa->ifa_flags & IFF_UP)) continue;
        char ip[INET_ADDRSTRLEN];
        const auto *sin = reinterpret_cast<const struct sockaddr_in *>(ifa->ifa_addr);
        if (inet_ntop(AF_INET, &sin->sin_addr, ip, sizeof ip) == nullptr) {
            php_error_docref(nullptr, E_WARNING, "%s: inet_ntop failed", ifa->ifa_name);
            continue;
        }
        if (strcmp(ip, "127.0.0.1") == 0) continue;
        add_assoc_string(return_value, ifa->ifa_name, ip);
    }
    freeifaddrs(list);
}

// [ifname => "AA:BB:CC:DD:EE:FF"] from the link-layer (AF_PACKET) entries;
// loopback and all-zero addresses are left out.
PHP_FUNCTION(swoole_get_local_mac) {
    ZEND_PARSE_PARAMETERS_NONE();
    struct ifaddrs *list = interfaces_or_warn();
    if (!list) RETURN_FALSE;
    array_init(return_value);
    for (struct ifaddrs *ifa = list; ifa != nullptr; ifa = ifa->ifa_next) {
        if (ifa->ifa_addr == nullptr || ifa->ifa_addr->sa_family != AF_PACKET || (ifa->ifa_flags & IFF_LOOPBACK)) {
            continue;
        }
        const auto *sll = reinterpret_cast<const struct sockaddr_ll *>(ifa->ifa_addr);
        size_t len = sll->sll_halen;
        if (len == 0 || len > sizeof sll->sll_addr) continue;
        bool all_zero = true;
        std::string mac;
        for (size_t i = 0; i < len; i++) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            if (i > 0) mac += ':';
            mac += kHex[sll->sll_addr[i] >> 4];
            mac += kHex[sll->sll_addr[i] & 0xf];
            if (sll->sll_addr[i] != 0) all_zero = false;
        }
        if (all_zero) continue;
        add_assoc_stringl(return_value, ifa->ifa_name, mac.data(), mac.size());
    }
    freeifaddrs(list);
}

// The process title is PHP's: cli_set_process_title() exists only in the CLI SAPI.
PHP_FUNCTION(swoole_set_process_name) {
    zend_string *name;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();

    auto *fn = static_cast<zend_function *>(zend_hash_str_find_ptr(EG(function_table), ZEND_STRL("cli_set_process_title")));
    if (fn == nullptr) {
        php_error_docref(nullptr, E_WARNING, "swoole_set_process_name only support in CLI mode");
        RETURN_FALSE;
    }
    zval arg;
    ZVAL_STR(&arg, name);  // borrowed: the call copies its arguments
    zend_call_known_function(fn, nullptr, nullptr, return_value, 1, &arg, nullptr);
}

// Jenkins' one-at-a-time hash. Bytes are taken as signed char, as Swoole's
// implementation does on x86, so results match for non-ASCII data too.
uint32_t one_at_a_time(const char *data, size_t len) {
    uint32_t h = 0;
    for (size_t i = 0; i < len; i++) {
        h += static_cast<uint32_t>(static_cast<int32_t>(static_cast<signed char>(data[i])));
        h += h << 10;
        h ^= h >> 6;
    }
    h += h << 3;
    h ^= h >> 11;
    h += h << 15;
    return h;
}

// type 0: PHP's string hash (DJB "times 33" with the top bit set, so negative
// on 64-bit, as in Swoole 4.8); type 1: one-at-a-time; other types: false.
PHP_FUNCTION(swoole_hashcode) {
    zend_string *data;
    zend_long type = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(data)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(type)
    ZEND_PARSE_PARAMETERS_END();

    switch (type) {
    case 0:
        RETURN_LONG(static_cast<zend_long>(zend_hash_func(ZSTR_VAL(data), ZSTR_LEN(data))));
    case 1:
        RETURN_LONG(one_at_a_time(ZSTR_VAL(data), ZSTR_LEN(data)));
    default:
        RETURN_FALSE;
    }
}

// Resolves (offset, length) against a string of size len as Swoole does: a
// negative offset counts from the end, length <= 0 means "to the end". A
// length past the end is cut to the end. False when the slice is empty or
// starts outside the string.
bool resolve_slice(size_t len, zend_long offset, zend_long length, size_t *start, size_t *count) {
    auto size = static_cast<zend_long>(len);
    if (size == 0) return false;
    if (offset < 0) offset += size;
    if (offset < 0 || offset >= size) return false;
    if (length <= 0 || length > size - offset) length = size - offset;
    *start = static_cast<size_t>(offset);
    *count = static_cast<size_t>(length);
    return true;
}

PHP_FUNCTION(swoole_substr_unserialize) {
    zend_string *str;
    zend_long offset;
    zend_long length = -1;
    HashTable *options = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 4)
        Z_PARAM_STR(str)
        Z_PARAM_LONG(offset)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(length)
        Z_PARAM_ARRAY_HT(options)
    ZEND_PARSE_PARAMETERS_END();

    size_t start, count;
    if (!resolve_slice(ZSTR_LEN(str), offset, length, &start, &count)) RETURN_FALSE;
    php_unserialize_with_options(return_value, ZSTR_VAL(str) + start, count, options, "swoole_substr_unserialize");
}

// Decodes the slice with PHP's own json_decode(), so flags, depth checks,
// json_last_error() and JSON_THROW_ON_ERROR behave exactly as there.
PHP_FUNCTION(swoole_substr_json_decode) {
    zend_string *str;
    zend_long offset;
    zend_long length = -1;
    bool assoc = false;
    bool assoc_is_null = true;
    zend_long depth = 512;
    zend_long flags = 0;
    ZEND_PARSE_PARAMETERS_START(2, 6)
        Z_PARAM_STR(str)
        Z_PARAM_LONG(offset)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(length)
        Z_PARAM_BOOL_OR_NULL(assoc, assoc_is_null)
        Z_PARAM_LONG(depth)
        Z_PARAM_LONG(flags)
    ZEND_PARSE_PARAMETERS_END();

    // Checked here so the error names this function rather than json_decode().
    if (depth <= 0) {
        zend_argument_value_error(5, "must be greater than 0");
        RETURN_THROWS();
    }
    if (depth > INT_MAX) {
        zend_argument_value_error(5, "must be less than %d", INT_MAX);
        RETURN_THROWS();
    }
    size_t start, count;
    if (!resolve_slice(ZSTR_LEN(str), offset, length, &start, &count)) RETURN_FALSE;

    auto *fn = static_cast<zend_function *>(zend_hash_str_find_ptr(EG(function_table), ZEND_STRL("json_decode")));
    if (fn == nullptr) {
        php_error_docref(nullptr, E_WARNING, "json_decode() is not available");
        RETURN_FALSE;
    }
    zval args[4];
    ZVAL_STRINGL(&args[0], ZSTR_VAL(str) + start, count);
    if (assoc_is_null) {
        ZVAL_NULL(&args[1]);
    } else {
        ZVAL_BOOL(&args[1], assoc);
    }
    ZVAL_LONG(&args[2], depth);
    ZVAL_LONG(&args[3], flags);
    zend_call_known_function(fn, nullptr, nullptr, return_value, 4, args, nullptr);
    zval_ptr_dtor(&args[0]);
}

}  // namespace

const zend_function_entry system_functions[] = {
    ZEND_FE(swoole_cpu_num, arginfo_swoole_cpu_num)
    ZEND_FE(swoole_get_local_ip, arginfo_return_array_or_false)
    ZEND_FE(swoole_get_local_mac, arginfo_return_array_or_false)
    ZEND_FE(swoole_set_process_name, arginfo_swoole_set_process_name)
    ZEND_FE(swoole_hashcode, arginfo_swoole_hashcode)
    ZEND_FE(swoole_substr_unserialize, arginfo_swoole_substr_unserialize)
    ZEND_FE(swoole_substr_json_decode, arginfo_swoole_substr_json_decode)
    ZEND_FE_END
};

}  // namespace swoole::php
