// The global SWOOLE_* constants of swoole.so: version, error codes, log levels,
// trace flags, socket types, TLS versions, event flags and coroutine limits.
// Values follow Swoole 4.8 (spec/errors-constants.md §4-5, coroutine.md §1).
#include <climits>
#include <string>

#include "glue.h"

#include "base/error.h"
#include "base/log.h"

namespace swoole::php {
namespace {

constexpr int kFlags = CONST_CS | CONST_PERSISTENT;

struct LongConstant {
    const char *name;
    zend_long value;
};

struct BoolConstant {
    const char *name;
    bool value;
};

using kernel::LogLevel;

constexpr LongConstant kLongConstants[] = {
    {"SWOOLE_VERSION_ID", kVersionId},
    {"SWOOLE_MAJOR_VERSION", kMajorVersion},
    {"SWOOLE_MINOR_VERSION", kMinorVersion},
    {"SWOOLE_RELEASE_VERSION", kReleaseVersion},

    {"SWOOLE_STRERROR_SYSTEM", kStrerrorSystem},
    {"SWOOLE_STRERROR_GAI", kStrerrorGai},
    {"SWOOLE_STRERROR_DNS", kStrerrorDns},
    {"SWOOLE_STRERROR_SWOOLE", kStrerrorSwoole},

    {"SWOOLE_LOG_DEBUG", static_cast<zend_long>(LogLevel::debug)},
    {"SWOOLE_LOG_TRACE", static_cast<zend_long>(LogLevel::trace)},
    {"SWOOLE_LOG_INFO", static_cast<zend_long>(LogLevel::info)},
    {"SWOOLE_LOG_NOTICE", static_cast<zend_long>(LogLevel::notice)},
    {"SWOOLE_LOG_WARNING", static_cast<zend_long>(LogLevel::warning)},
    {"SWOOLE_LOG_ERROR", static_cast<zend_long>(LogLevel::error)},
    {"SWOOLE_LOG_NONE", static_cast<zend_long>(LogLevel::none)},
    {"SWOOLE_LOG_ROTATION_SINGLE", 0},
    {"SWOOLE_LOG_ROTATION_MONTHLY", 1},
    {"SWOOLE_LOG_ROTATION_DAILY", 2},
    {"SWOOLE_LOG_ROTATION_HOURLY", 3},
    {"SWOOLE_LOG_ROTATION_EVERY_MINUTE", 4},

    {"SWOOLE_TRACE_ALL", ZEND_LONG_MAX},

    // Socket types, with the short aliases Swoole has always had.
    {"SWOOLE_SOCK_TCP", 1},
    {"SWOOLE_SOCK_UDP", 2},
    {"SWOOLE_SOCK_TCP6", 3},
    {"SWOOLE_SOCK_UDP6", 4},
    {"SWOOLE_SOCK_UNIX_STREAM", 5},
    {"SWOOLE_SOCK_UNIX_DGRAM", 6},
    {"SWOOLE_TCP", 1},
    {"SWOOLE_UDP", 2},
    {"SWOOLE_TCP6", 3},
    {"SWOOLE_UDP6", 4},
    {"SWOOLE_UNIX_STREAM", 5},
    {"SWOOLE_UNIX_DGRAM", 6},
    {"SWOOLE_SSL", 512},
    {"SWOOLE_ASYNC", 1024},
    {"SWOOLE_SYNC", 2048},
    {"SWOOLE_KEEP", 4096},

    // TLS protocol flags. SSLv3 (4) is left out: OpenSSL 3 has no SSLv3.
    {"SWOOLE_SSL_SSLv2", 1 << 1},
    {"SWOOLE_SSL_TLSv1", 1 << 3},
    {"SWOOLE_SSL_TLSv1_1", 1 << 4},
    {"SWOOLE_SSL_TLSv1_2", 1 << 5},
    {"SWOOLE_SSL_TLSv1_3", 1 << 6},
    {"SWOOLE_SSL_DTLS", 1 << 7},

    {"SWOOLE_EVENT_READ", 512},
    {"SWOOLE_EVENT_WRITE", 1024},
    {"SWOOLE_IOV_MAX", IOV_MAX},

    {"SWOOLE_DEFAULT_MAX_CORO_NUM", 100000},
    {"SWOOLE_CORO_MAX_NUM_LIMIT", ZEND_LONG_MAX},
    {"SWOOLE_CORO_INIT", 0},
    {"SWOOLE_CORO_WAITING", 1},
    {"SWOOLE_CORO_RUNNING", 2},
    {"SWOOLE_CORO_END", 3},
    {"SWOOLE_EXIT_IN_COROUTINE", 1 << 1},
    {"SWOOLE_EXIT_IN_SERVER", 1 << 2},
};

constexpr BoolConstant kBoolConstants[] = {
    {"SWOOLE_DEBUG", false},
    {"SWOOLE_SOCK_SYNC", false},
    {"SWOOLE_SOCK_ASYNC", true},
};

// SWOOLE_TRACE_<name> = 1 << (index + 1): each the next power of two from 2.
constexpr const char *kTraceNames[] = {
    "SERVER",       "CLIENT",      "BUFFER",          "CONN",         "EVENT",    "WORKER",
    "MEMORY",       "REACTOR",     "PHP",             "HTTP",         "HTTP2",    "EOF_PROTOCOL",
    "LENGTH_PROTOCOL", "CLOSE",    "WEBSOCKET",       "REDIS_CLIENT", "MYSQL_CLIENT", "HTTP_CLIENT",
    "AIO",          "SSL",         "NORMAL",          "CHANNEL",      "TIMER",    "SOCKET",
    "COROUTINE",    "CONTEXT",     "CO_HTTP_SERVER",  "TABLE",        "CO_CURL",  "CARES",
    "ZLIB",
};
static_assert(sizeof kTraceNames / sizeof kTraceNames[0] == 31, "SWOOLE_TRACE_ZLIB must be 1 << 31");

void register_long(const std::string &name, zend_long value, int module_number) {
    zend_register_long_constant(name.c_str(), name.size(), value, kFlags, module_number);
}

}  // namespace

void register_constants(int module_number) {
    zend_register_string_constant(ZEND_STRL("SWOOLE_VERSION"), kVersion, kFlags, module_number);
    zend_register_string_constant(ZEND_STRL("SWOOLE_EXTRA_VERSION"), kExtraVersion, kFlags, module_number);
    zend_register_bool_constant(ZEND_STRL("SWOOLE_USE_SHORTNAME"), ini().use_shortname, kFlags, module_number);

    for (const LongConstant &c : kLongConstants) register_long(c.name, c.value, module_number);
    for (const BoolConstant &c : kBoolConstants) {
        zend_register_bool_constant(c.name, std::char_traits<char>::length(c.name), c.value, kFlags, module_number);
    }

    zend_long bit = 1;
    for (const char *name : kTraceNames) {
        bit <<= 1;
        register_long(std::string("SWOOLE_TRACE_") + name, bit, module_number);
    }

    for (const kernel::ErrorName &e : kernel::error_names()) {
        register_long(std::string("SWOOLE_ERROR_") + e.name, e.code, module_number);
    }
}

}  // namespace swoole::php
