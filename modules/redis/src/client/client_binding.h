// Swoole\Coroutine\Redis (spec db-clients.md §1): the PHP object around the
// PHP-free Connection, and what the binding files share. The object keeps
// the options array getOptions() returns, the effective settings parsed from
// it, the modes (defer, subscribe, MULTI/PIPELINE) and one reusable argument
// list so a command costs no allocation beyond its own strings.
//   client_class_binding.cc     class, constants, connection and control methods
//   client_commands_binding.cc  the command methods (4.8's argument conventions)
//   client_reply_binding.cc     replies to PHP values (default/compatibility shapes)
#pragma once

extern "C" {
#include "php.h"
}

#include <string>
#include <vector>

#include "client/redis_connection.h"

namespace swoole::mod::redis {

enum class TxMode { none, multi, pipeline };

struct ClientState {
    explicit ClientState(const sw_host_api *host) : conn(host) {}

    Connection conn;
    ConnectSettings settings;
    int reconnect = 1;
    bool serialize = false;
    bool compatibility = false;
    bool defer = false;
    bool subscribed = false;
    bool constructed = false;
    bool error_shown = false;  // errType/errCode/errMsg hold an error
    TxMode mode = TxMode::none;
    size_t queued = 0;         // commands waiting for exec() in PIPELINE mode
    bool authed = false;       // getAuth()
    bool selected = false;     // a SELECT succeeded: getDBNum() keeps it after close
    long db_num = -1;          // -1: getDBNum() false
    zval options;              // getOptions()

    // The command being built: views into `held` strings and literals.
    ArgList args;
    std::vector<zend_string *> held;
    void reset_args() {
        args.clear();
        for (zend_string *s : held) zend_string_release(s);
        held.clear();
    }
};

struct RedisObject {
    ClientState *state;
    zend_object std;
};

extern zend_class_entry *redis_ce;
extern const sw_host_api *redis_host;

inline RedisObject *redis_object(zend_object *obj) {
    return reinterpret_cast<RedisObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(RedisObject, std));
}
inline ClientState &redis_state(zval *self) { return *redis_object(Z_OBJ_P(self))->state; }

// Throws Swoole\Error and ends the request when not in a coroutine (4.8's fatal).
bool require_coroutine();

// Error and connection properties.
void sync_error(zval *self, ClientState &st);   // from st.conn.error()
void clear_error(zval *self, ClientState &st);  // after a success
void set_error(zval *self, ClientState &st, ErrType type, int code, std::string_view msg);
void sync_connected(zval *self, ClientState &st);

// A live connection for a command: checks the socket, reconnects up to the
// `reconnect` option (or connects for the first time) using the host/port
// properties. false: the error properties say why.
bool ensure_connection(zval *self, ClientState &st);
// Sends st.args (in defer mode that is all; in PIPELINE mode it is queued)
// and otherwise reads the reply into return_value with convert().
// The stream shapes (xrange .. xinfo) only matter in compatibility_mode.
enum class Shape { generic, get, hgetall, hmget, hexists, rank, zscores, xrange, xread, xclaim, xautoclaim, xpending, xinfo };
void run_command(zval *self, ClientState &st, zval *return_value, Shape shape);

// Replies to PHP values. An error reply sets the error properties and gives false.
void reply_to_zval(zval *self, ClientState &st, redisReply *reply, zval *out, Shape shape);
void reply_value(ClientState &st, redisReply *reply, zval *out);  // the default mapping
// Argument strings: serialize a value when the option is on.
void arg_add(ClientState &st, zval *value);
void arg_add_value(ClientState &st, zval *value);  // serialized when st.serialize
void arg_add_long(ClientState &st, zend_long n);
inline void arg_add_literal(ClientState &st, std::string_view s) { st.args.add(s); }

extern const zend_function_entry redis_command_methods[];  // ends with PHP_FE_END

}  // namespace swoole::mod::redis
