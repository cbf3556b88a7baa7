// The settings arrays of the socket clients (spec clients.md §4): one parser
// shared by Co\Socket::setProtocol, Co\Client::set, Swoole\Client::set and,
// later, the server ports and the HTTP clients. It turns a PHP array into
// plain kernel options (timeouts, FramingOptions, TlsOptions, proxies) and
// emits the warnings Swoole emits; it knows nothing about the classes.
//
// A parse applies the keys present onto an existing SocketSettings (settings
// merge across calls); on any refused key the target is left unchanged.
#pragma once

#include "glue.h"

#include <memory>
#include <optional>
#include <string>

#include "protocol/framer.h"
#include "tls/tls_context.h"

namespace swoole::kernel {
class Socket;
}

namespace swoole::php {

// Readers of one settings-array key (references followed), shared by every
// class with a set(): false when the key is absent, else the value converted
// the way PHP casts it.
zval *setting_find(HashTable *ht, const char *key);
bool read_bool(HashTable *ht, const char *key, bool &out);
bool read_long(HashTable *ht, const char *key, zend_long &out);
bool read_string(HashTable *ht, const char *key, std::string &out);

class Callable;

// A package_length_func: a PHP callable reached through the framer's C
// callback. Lives as long as any settings copy refers to it.
class LengthFunction {
  public:
    // nullptr (after the warning "function 'x' is not callable") when value
    // is not callable.
    static std::shared_ptr<LengthFunction> create(zval *value);
    ~LengthFunction();

    // The framer's callback; ctx is the LengthFunction.
    static ssize_t call(void *ctx, const char *data, size_t length);

  private:
    LengthFunction() = default;
    std::unique_ptr<Callable> callable_;
};

struct ProxySettings {
    std::string socks5_host;
    int socks5_port = 0;
    std::string socks5_username;
    std::string socks5_password;
    std::string http_proxy_host;
    int http_proxy_port = 0;
    std::string http_proxy_username;
    std::string http_proxy_password;

    bool socks5() const { return !socks5_host.empty(); }
    bool http() const { return !http_proxy_host.empty() && !socks5(); }  // socks5 wins
};

struct SocketSettings {
    // 4.1: unset values keep the socket's own.
    std::optional<double> connect_timeout, read_timeout, write_timeout;
    std::string bind_address;
    int bind_port = 0;
    int socket_buffer_size = 0;  // 0: unset
    std::optional<bool> open_tcp_nodelay;

    // 4.2
    kernel::FramingOptions framing;
    std::shared_ptr<LengthFunction> length_function;  // owner of framing.package_length_ctx

    // 4.3
    bool open_ssl = false;
    kernel::TlsOptions tls;
    std::optional<std::string> ssl_host_name;  // "" disables SNI and the host check

    // 4.4
    ProxySettings proxy;

    bool has_framing() const { return framing.open_eof_check || framing.open_length_check; }
};

// Who parses: the synchronous Swoole\Client makes a missing certificate or
// key file an E_ERROR, the others a warning.
enum class SettingsOwner { coroutine, sync_client };

// Applies the keys of ht onto settings. False (settings unchanged) after the
// warning of the first refused key.
bool parse_settings(HashTable *ht, SocketSettings &settings, SettingsOwner owner = SettingsOwner::coroutine);

// Timeouts, socket buffer sizes and TCP_NODELAY onto an open socket.
void apply_socket_options(kernel::Socket &sock, const SocketSettings &settings);

// The SNI / certificate host name for a connection to host: ssl_host_name
// when set (even empty), else host.
std::string tls_host_name(const SocketSettings &settings, std::string_view host);

}  // namespace swoole::php
