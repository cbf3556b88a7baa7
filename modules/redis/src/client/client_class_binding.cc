// Swoole\Coroutine\Redis: the class and its constants, the object's life,
// options, connect/close, implicit connect and reconnect, defer/recv,
// MULTI/PIPELINE transactions and the subscribe loop. The command methods
// are in client_commands_binding.cc.
#include "client/client_binding.h"

extern "C" {
#include "zend_exceptions.h"
#include "zend_interfaces.h"
}

#include <cerrno>
#include <vector>

#include "redis_module.h"

namespace swoole::mod::redis {

zend_class_entry *redis_ce = nullptr;
const sw_host_api *redis_host = nullptr;

namespace {

zend_object_handlers redis_handlers;

constexpr int kCoOutOfCoroutine = 10001;  // SW_ERROR_CO_OUT_OF_COROUTINE

zend_object *create_object(zend_class_entry *ce) {
    auto *obj = static_cast<RedisObject *>(zend_object_alloc(sizeof(RedisObject), ce));
    zend_object_std_init(&obj->std, ce);
    object_properties_init(&obj->std, ce);
    obj->std.handlers = &redis_handlers;
    obj->state = new ClientState(redis_host);
    array_init(&obj->state->options);
    add_assoc_double(&obj->state->options, "connect_timeout", 2.0);
    add_assoc_double(&obj->state->options, "timeout", 60.0);
    add_assoc_bool(&obj->state->options, "serialize", false);
    add_assoc_long(&obj->state->options, "reconnect", 1);
    add_assoc_string(&obj->state->options, "password", "");
    add_assoc_long(&obj->state->options, "database", 0);
    return &obj->std;
}

void free_object(zend_object *object) {
    RedisObject *obj = redis_object(object);
    if (obj->state) {
        obj->state->reset_args();
        zval_ptr_dtor(&obj->state->options);
        delete obj->state;  // closes the socket
        obj->state = nullptr;
    }
    zend_object_std_dtor(object);
}

void update_long(zval *self, const char *name, size_t len, zend_long v) {
    zend_update_property_long(redis_ce, Z_OBJ_P(self), name, len, v);
}

double option_seconds(zval *v) { return zval_get_double(v); }

// Reads the options array into the effective settings. In the constructor a
// `timeout` also bounds the connect unless connect_timeout is given.
void apply_options(ClientState &st, HashTable *ht, bool constructor) {
    zval *v;
    bool has_connect_timeout = false;
    if ((v = zend_hash_str_find(ht, ZEND_STRL("connect_timeout")))) {
        st.settings.connect_timeout = option_seconds(v);
        has_connect_timeout = true;
    }
    if ((v = zend_hash_str_find(ht, ZEND_STRL("timeout")))) {
        double t = option_seconds(v);
        st.settings.timeout = t;
        if (constructor && !has_connect_timeout) st.settings.connect_timeout = t;
        st.conn.set_timeout(t);  // at once on a live connection too
    }
    if ((v = zend_hash_str_find(ht, ZEND_STRL("serialize")))) st.serialize = zend_is_true(v);
    if ((v = zend_hash_str_find(ht, ZEND_STRL("reconnect")))) {
        zend_long n = zval_get_long(v);
        st.reconnect = static_cast<int>(n < 0 ? 0 : (n > 255 ? 255 : n));
    }
    if ((v = zend_hash_str_find(ht, ZEND_STRL("password")))) {
        zend_string *s = zval_get_string(v);
        st.settings.password.assign(ZSTR_VAL(s), ZSTR_LEN(s));
        zend_string_release(s);
    }
    if ((v = zend_hash_str_find(ht, ZEND_STRL("database")))) st.settings.database = zval_get_long(v);
    if ((v = zend_hash_str_find(ht, ZEND_STRL("compatibility_mode")))) st.compatibility = zend_is_true(v);
}

void merge_options(zval *self, ClientState &st, HashTable *ht, bool constructor) {
    zend_hash_merge(Z_ARRVAL(st.options), ht, zval_add_ref, 1);
    apply_options(st, ht, constructor);
    zend_update_property(redis_ce, Z_OBJ_P(self), ZEND_STRL("setting"), &st.options);
}

// Connects to host:port (or the unix socket in host) with the settings.
bool do_connect(zval *self, ClientState &st, std::string_view host, zend_long port) {
    if (host.empty()) {
        php_error_docref(nullptr, E_WARNING, "The host is empty");
        return false;
    }
    bool is_unix = host.starts_with("unix:") || host.starts_with("/");
    if (!is_unix && (port <= 0 || port > 65535)) {
        php_error_docref(nullptr, E_WARNING, "The port " ZEND_LONG_FMT " is invalid", port);
        return false;
    }
    st.authed = false;
    bool ok = st.conn.open(host, is_unix ? 0 : static_cast<int>(port), st.settings);
    sync_connected(self, st);
    if (!ok) {
        sync_error(self, st);
        return false;
    }
    if (st.error_shown) clear_error(self, st);
    st.authed = !st.settings.password.empty();
    if (st.settings.database > 0) {
        st.selected = true;
        st.db_num = st.settings.database;
    } else if (!st.selected) {
        st.db_num = 0;
    }
    return true;
}

void close_connection(zval *self, ClientState &st) {
    st.conn.close();
    st.subscribed = false;
    st.mode = TxMode::none;
    st.queued = 0;
    st.authed = false;
    if (!st.selected) st.db_num = -1;
    sync_connected(self, st);
}

ClientState *constructed_state(zval *self) { return redis_object(Z_OBJ_P(self))->state; }

}  // namespace

bool require_coroutine() {
    if (redis_host->co_id() > 0) return true;
    zend_class_entry *ce = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\error")));
    zend_throw_exception(ce ? ce : zend_ce_error, "API must be called in the coroutine", kCoOutOfCoroutine);
    // Reported at once as uncaught, as 4.8 does: a try/catch does not hide it.
    zend_exception_error(EG(exception), E_ERROR);
    zend_bailout();
    return false;
}

void set_error(zval *self, ClientState &st, ErrType type, int code, std::string_view msg) {
    st.conn.error().set(type, code, msg);
    sync_error(self, st);
}

void sync_error(zval *self, ClientState &st) {
    const Error &e = st.conn.error();
    update_long(self, ZEND_STRL("errType"), static_cast<zend_long>(e.type));
    update_long(self, ZEND_STRL("errCode"), e.code);
    zend_update_property_stringl(redis_ce, Z_OBJ_P(self), ZEND_STRL("errMsg"), e.message.data(), e.message.size());
    st.error_shown = true;
}

void clear_error(zval *self, ClientState &st) {
    st.conn.error().clear();
    update_long(self, ZEND_STRL("errType"), 0);
    update_long(self, ZEND_STRL("errCode"), 0);
    zend_update_property_stringl(redis_ce, Z_OBJ_P(self), ZEND_STRL("errMsg"), "", 0);
    st.error_shown = false;
}

void sync_connected(zval *self, ClientState &st) {
    zend_update_property_bool(redis_ce, Z_OBJ_P(self), ZEND_STRL("connected"), st.conn.connected());
    update_long(self, ZEND_STRL("sock"), st.conn.fd());
}

// A kept connection is trusted without probing it (no recv(MSG_PEEK) per
// command): a dead one shows in the command's own send or reply, and
// run_command then reconnects here and sends the command again.
bool ensure_connection(zval *self, ClientState &st) {
    if (st.conn.connected()) return true;
    zval rv;
    zval *host = zend_read_property(redis_ce, Z_OBJ_P(self), ZEND_STRL("host"), 1, &rv);
    zval *port = zend_read_property(redis_ce, Z_OBJ_P(self), ZEND_STRL("port"), 1, &rv);
    zend_string *h = zval_get_string(host);
    zend_long p = zval_get_long(port);
    bool ok = false;
    for (int i = 0; i < st.reconnect && !ok; i++) ok = do_connect(self, st, {ZSTR_VAL(h), ZSTR_LEN(h)}, p);
    zend_string_release(h);
    if (ok) return true;
    // The code of the last attempt stays, as in 4.8.
    set_error(self, st, ErrType::closed, st.conn.error().code, "connection is not available");
    return false;
}

namespace {

// "MOVED 3999 127.0.0.1:6381" / "ASK ...": where the cluster wants us.
bool redirect_target(const redisReply *r, std::string &host, zend_long &port) {
    std::string_view t(r->str, r->len);
    if (!t.starts_with("MOVED ") && !t.starts_with("ASK ")) return false;
    size_t sp = t.rfind(' ');
    std::string_view addr = t.substr(sp + 1);
    size_t colon = addr.rfind(':');
    if (colon == std::string_view::npos) return false;
    host.assign(addr.substr(0, colon));
    port = ZEND_STRTOL(std::string(addr.substr(colon + 1)).c_str(), nullptr, 10);
    return !host.empty() && port > 0;
}

// Commands never sent a second time after a connection was found dead: the
// ones that block (a long wait that ends in a close is not a dead idle
// connection), that end the server or the session, or that run only inside
// a transaction.
bool never_replayed(std::string_view name) {
    static constexpr std::string_view kNames[] = {
        "BLPOP", "BRPOP", "BRPOPLPUSH", "BLMOVE", "BLMPOP", "BZPOPMIN", "BZPOPMAX", "BZMPOP", "XREAD",
        "XREADGROUP", "WAIT", "SHUTDOWN", "DEBUG", "QUIT", "MONITOR", "EXEC", "DISCARD"};
    for (std::string_view n : kNames) {
        if (n.size() == name.size() && zend_binary_strcasecmp(n.data(), n.size(), name.data(), name.size()) == 0)
            return true;
    }
    return false;
}

// After a failed send or reply: when the connection turned out to have been
// dead before this command reached the server (see Connection::found_dead),
// reconnect (the `reconnect` option's attempts, AUTH and SELECT again) so
// the command can be sent once more. Outside MULTI, defer and pipelines only.
enum class Replay { no, again, failed };  // failed: the reconnect set the error
Replay reconnect_for_replay(zval *self, ClientState &st, bool &replayed) {
    if (replayed || !st.conn.found_dead() || st.mode != TxMode::none || st.defer || st.args.empty() ||
        never_replayed(st.args.at(0)))
        return Replay::no;
    replayed = true;
    close_connection(self, st);
    return ensure_connection(self, st) ? Replay::again : Replay::failed;
}

}  // namespace

void run_command(zval *self, ClientState &st, zval *return_value, Shape shape) {
    if (st.subscribed) {
        php_error_docref(nullptr, E_WARNING, "command can not be executed in subscribe mode");
        st.reset_args();
        RETURN_FALSE;
    }
    if (!ensure_connection(self, st)) {
        st.reset_args();
        RETURN_FALSE;
    }
    if (st.mode == TxMode::pipeline) {
        bool ok = st.conn.append(st.args);
        st.reset_args();
        if (!ok) {
            sync_error(self, st);
            RETURN_FALSE;
        }
        st.queued++;
        RETURN_TRUE;
    }
    bool replayed = false;
    for (int redirects = 0;; redirects++) {
        if (!st.conn.send(st.args)) {
            Replay replay = reconnect_for_replay(self, st, replayed);
            if (replay == Replay::again) continue;
            if (replay == Replay::no) sync_error(self, st);
            sync_connected(self, st);
            break;
        }
        if (st.defer) {
            st.reset_args();
            RETURN_TRUE;
        }
        ReplyPtr reply = st.conn.read();
        if (!reply) {
            Replay replay = reconnect_for_replay(self, st, replayed);
            if (replay == Replay::again) continue;
            if (replay == Replay::no) sync_error(self, st);
            sync_connected(self, st);
            break;
        }
        std::string host;
        zend_long port = 0;
        if (reply->type == REDIS_REPLY_ERROR && redirects < 5 && redirect_target(reply.get(), host, port)) {
            // The cluster moved the slot: follow it and ask again.
            zend_update_property_stringl(redis_ce, Z_OBJ_P(self), ZEND_STRL("host"), host.data(), host.size());
            update_long(self, ZEND_STRL("port"), port);
            if (!do_connect(self, st, host, port)) break;
            continue;
        }
        reply_to_zval(self, st, reply.get(), return_value, shape);
        st.reset_args();
        return;
    }
    st.reset_args();
    RETVAL_FALSE;
}

namespace {

#define REDIS_SELF_STATE()                         \
    ClientState &st = *constructed_state(ZEND_THIS); \
    (void)st

PHP_METHOD(Redis, __construct) {
    HashTable *options = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options)
    ZEND_PARSE_PARAMETERS_END();
    REDIS_SELF_STATE();
    if (st.constructed) {
        php_error_docref(nullptr, E_ERROR, "Constructor of %s can only be called once", ZSTR_VAL(redis_ce->name));
        RETURN_THROWS();
    }
    st.constructed = true;
    if (options) merge_options(ZEND_THIS, st, options, true);
}

PHP_METHOD(Redis, connect) {
    zend_string *host;
    zend_long port = 0;
    bool serialize = false;
    ZEND_PARSE_PARAMETERS_START(1, 3)
    Z_PARAM_STR(host)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(port)
    Z_PARAM_BOOL(serialize)
    ZEND_PARSE_PARAMETERS_END();
    require_coroutine();
    REDIS_SELF_STATE();
    if (serialize) {
        st.serialize = true;
        add_assoc_bool(&st.options, "serialize", true);
    }
    zval rv;
    zval *cur_host = zend_read_property(redis_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("host"), 1, &rv);
    zval *cur_port = zend_read_property(redis_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("port"), 1, &rv);
    if (st.conn.connected() && Z_TYPE_P(cur_host) == IS_STRING && zend_string_equals(Z_STR_P(cur_host), host) &&
        zval_get_long(cur_port) == port) {
        RETURN_TRUE;  // already connected there
    }
    if (ZSTR_LEN(host) > 0) {
        zend_update_property_str(redis_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("host"), host);
        update_long(ZEND_THIS, ZEND_STRL("port"), port);
    }
    close_connection(ZEND_THIS, st);
    RETURN_BOOL(do_connect(ZEND_THIS, st, {ZSTR_VAL(host), ZSTR_LEN(host)}, port));
}

PHP_METHOD(Redis, close) {
    ZEND_PARSE_PARAMETERS_NONE();
    REDIS_SELF_STATE();
    bool had = st.conn.connected();
    close_connection(ZEND_THIS, st);
    RETURN_BOOL(had);
}

PHP_METHOD(Redis, setOptions) {
    HashTable *options;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ARRAY_HT(options)
    ZEND_PARSE_PARAMETERS_END();
    REDIS_SELF_STATE();
    merge_options(ZEND_THIS, st, options, false);
    RETURN_TRUE;
}

PHP_METHOD(Redis, getOptions) {
    ZEND_PARSE_PARAMETERS_NONE();
    REDIS_SELF_STATE();
    RETURN_COPY(&st.options);
}

PHP_METHOD(Redis, setDefer) {
    bool defer = true;
    ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_BOOL(defer)
    ZEND_PARSE_PARAMETERS_END();
    REDIS_SELF_STATE();
    if (st.subscribed) {
        php_error_docref(nullptr, E_WARNING, "you should not use setDefer after subscribe");
        RETURN_FALSE;
    }
    st.defer = defer;
    RETURN_TRUE;
}

PHP_METHOD(Redis, getDefer) {
    ZEND_PARSE_PARAMETERS_NONE();
    REDIS_SELF_STATE();
    RETURN_BOOL(st.defer);
}

bool is_push_kind(std::string_view kind) {
    return kind == "subscribe" || kind == "psubscribe" || kind == "unsubscribe" || kind == "punsubscribe" ||
           kind == "message" || kind == "pmessage";
}

PHP_METHOD(Redis, recv) {
    ZEND_PARSE_PARAMETERS_NONE();
    require_coroutine();
    REDIS_SELF_STATE();
    if (!st.defer && !st.subscribed) {
        php_error_docref(nullptr, E_WARNING, "you should not use recv without defer or subscribe");
        RETURN_FALSE;
    }
    if (!st.conn.connected()) RETURN_FALSE;
    for (;;) {
        ReplyPtr reply = st.conn.read();
        if (!reply) {
            st.subscribed = false;
            sync_error(ZEND_THIS, st);
            sync_connected(ZEND_THIS, st);
            RETURN_FALSE;
        }
        if (!st.subscribed) {
            reply_to_zval(ZEND_THIS, st, reply.get(), return_value, Shape::generic);
            return;
        }
        redisReply *r = reply.get();
        if (r->type != REDIS_REPLY_ARRAY || r->elements < 3 || r->element[0]->type != REDIS_REPLY_STRING) continue;
        std::string_view kind(r->element[0]->str, r->element[0]->len);
        if (!is_push_kind(kind)) continue;
        if ((kind == "unsubscribe" || kind == "punsubscribe") && r->element[2]->type == REDIS_REPLY_INTEGER &&
            r->element[2]->integer == 0) {
            st.subscribed = false;  // back to normal commands
        }
        array_init_size(return_value, static_cast<uint32_t>(r->elements));
        for (size_t i = 0; i < r->elements; i++) {
            zval item;
            redisReply *e = r->element[i];
            // The payload of a message may be serialized; names and counts are not.
            bool payload = i == r->elements - 1 && (kind == "message" || kind == "pmessage");
            if (e->type == REDIS_REPLY_STRING && !payload) {
                ZVAL_STRINGL(&item, e->str, e->len);
            } else {
                reply_value(st, e, &item);
            }
            zend_hash_next_index_insert_new(Z_ARRVAL_P(return_value), &item);
        }
        if (st.error_shown) clear_error(ZEND_THIS, st);
        return;
    }
}

// subscribe/psubscribe/unsubscribe/punsubscribe: send only; recv() reads.
void subscribe_command(INTERNAL_FUNCTION_PARAMETERS, std::string_view command, bool enters) {
    HashTable *names;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ARRAY_HT(names)
    ZEND_PARSE_PARAMETERS_END();
    require_coroutine();
    REDIS_SELF_STATE();
    if (st.defer) {
        set_error(ZEND_THIS, st, ErrType::other, EINVAL, "subscribe cannot be used with defer enabled");
        RETURN_FALSE;
    }
    if (zend_hash_num_elements(names) == 0) RETURN_FALSE;
    if (!enters && !st.subscribed) RETURN_FALSE;
    if (!st.subscribed && !ensure_connection(ZEND_THIS, st)) RETURN_FALSE;
    st.reset_args();
    arg_add_literal(st, command);
    zval *name;
    ZEND_HASH_FOREACH_VAL(names, name) { arg_add(st, name); }
    ZEND_HASH_FOREACH_END();
    bool ok = st.conn.send(st.args);
    st.reset_args();
    if (!ok) {
        st.subscribed = false;
        sync_error(ZEND_THIS, st);
        sync_connected(ZEND_THIS, st);
        RETURN_FALSE;
    }
    if (enters) st.subscribed = true;
    RETURN_TRUE;
}

PHP_METHOD(Redis, subscribe) { subscribe_command(INTERNAL_FUNCTION_PARAM_PASSTHRU, "SUBSCRIBE", true); }
PHP_METHOD(Redis, pSubscribe) { subscribe_command(INTERNAL_FUNCTION_PARAM_PASSTHRU, "PSUBSCRIBE", true); }
PHP_METHOD(Redis, unsubscribe) { subscribe_command(INTERNAL_FUNCTION_PARAM_PASSTHRU, "UNSUBSCRIBE", false); }
PHP_METHOD(Redis, pUnSubscribe) { subscribe_command(INTERNAL_FUNCTION_PARAM_PASSTHRU, "PUNSUBSCRIBE", false); }

PHP_METHOD(Redis, request) {
    HashTable *args;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ARRAY_HT(args)
    ZEND_PARSE_PARAMETERS_END();
    require_coroutine();
    REDIS_SELF_STATE();
    if (zend_hash_num_elements(args) == 0) RETURN_FALSE;
    st.reset_args();
    zval *v;
    ZEND_HASH_FOREACH_VAL(args, v) { arg_add(st, v); }
    ZEND_HASH_FOREACH_END();
    run_command(ZEND_THIS, st, return_value, Shape::generic);
}

PHP_METHOD(Redis, getAuth) {
    ZEND_PARSE_PARAMETERS_NONE();
    REDIS_SELF_STATE();
    if (!st.authed) RETURN_FALSE;
    RETURN_STRINGL(st.settings.password.data(), st.settings.password.size());
}

PHP_METHOD(Redis, getDBNum) {
    ZEND_PARSE_PARAMETERS_NONE();
    REDIS_SELF_STATE();
    if (st.db_num < 0) RETURN_FALSE;
    RETURN_LONG(st.db_num);
}

// auth/select: as commands, and remembered for reconnects and the getters.
PHP_METHOD(Redis, auth) {
    zend_string *password;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(password)
    ZEND_PARSE_PARAMETERS_END();
    require_coroutine();
    REDIS_SELF_STATE();
    st.reset_args();
    arg_add_literal(st, "AUTH");
    st.args.add({ZSTR_VAL(password), ZSTR_LEN(password)});
    run_command(ZEND_THIS, st, return_value, Shape::generic);
    if (Z_TYPE_P(return_value) == IS_TRUE) {
        st.settings.password.assign(ZSTR_VAL(password), ZSTR_LEN(password));
        st.authed = true;
    }
}

PHP_METHOD(Redis, select) {
    zend_long db;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_LONG(db)
    ZEND_PARSE_PARAMETERS_END();
    require_coroutine();
    REDIS_SELF_STATE();
    st.reset_args();
    arg_add_literal(st, "SELECT");
    arg_add_long(st, db);
    run_command(ZEND_THIS, st, return_value, Shape::generic);
    if (Z_TYPE_P(return_value) == IS_TRUE) {
        st.settings.database = db;
        st.selected = true;
        st.db_num = db;
    }
}

// multi($mode): SWOOLE_REDIS_MODE_MULTI sends MULTI (the server queues the
// commands, each returns the QUEUED status: 0); SWOOLE_REDIS_MODE_PIPELINE
// queues the commands here (each returns true) and exec() sends them at once.
PHP_METHOD(Redis, multi) {
    zend_long mode = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(mode)
    ZEND_PARSE_PARAMETERS_END();
    require_coroutine();
    REDIS_SELF_STATE();
    if (st.mode != TxMode::none) {
        php_error_docref(nullptr, E_WARNING, "multi() was already called: call exec() or discard() first");
        RETURN_FALSE;
    }
    if (mode == 1) {
        if (!ensure_connection(ZEND_THIS, st)) RETURN_FALSE;
        st.mode = TxMode::pipeline;
        st.queued = 0;
        RETURN_TRUE;
    }
    st.reset_args();
    arg_add_literal(st, "MULTI");
    run_command(ZEND_THIS, st, return_value, Shape::generic);
    if (Z_TYPE_P(return_value) == IS_TRUE) st.mode = TxMode::multi;
}

PHP_METHOD(Redis, exec) {
    ZEND_PARSE_PARAMETERS_NONE();
    require_coroutine();
    REDIS_SELF_STATE();
    if (st.mode == TxMode::pipeline) {
        size_t n = st.queued;
        st.mode = TxMode::none;
        st.queued = 0;
        if (!st.conn.flush()) {
            sync_error(ZEND_THIS, st);
            sync_connected(ZEND_THIS, st);
            RETURN_FALSE;
        }
        array_init_size(return_value, static_cast<uint32_t>(n));
        bool failed = false;
        for (size_t i = 0; i < n; i++) {
            ReplyPtr reply = st.conn.read();
            if (!reply) {
                failed = true;
                break;
            }
            zval item;
            reply_value(st, reply.get(), &item);
            zend_hash_next_index_insert_new(Z_ARRVAL_P(return_value), &item);
        }
        if (failed) {
            zval_ptr_dtor(return_value);
            sync_error(ZEND_THIS, st);
            sync_connected(ZEND_THIS, st);
            RETURN_FALSE;
        }
        if (st.error_shown) clear_error(ZEND_THIS, st);
        return;
    }
    st.mode = TxMode::none;
    st.reset_args();
    arg_add_literal(st, "EXEC");
    run_command(ZEND_THIS, st, return_value, Shape::generic);
}

PHP_METHOD(Redis, discard) {
    ZEND_PARSE_PARAMETERS_NONE();
    require_coroutine();
    REDIS_SELF_STATE();
    if (st.mode == TxMode::pipeline) {
        // Nothing was sent yet: drop the queue by reconnecting only if needed.
        st.mode = TxMode::none;
        st.queued = 0;
        st.conn.drop_queued();
        RETURN_TRUE;
    }
    st.mode = TxMode::none;
    st.reset_args();
    arg_add_literal(st, "DISCARD");
    run_command(ZEND_THIS, st, return_value, Shape::generic);
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_construct, 0, 0, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_connect, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "0")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, serialize, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_none, 0, 0, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_array, 0, 0, 1)
ZEND_ARG_TYPE_INFO(0, args, IS_ARRAY, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_defer, 0, 0, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, defer, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_multi, 0, 0, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, mode, IS_LONG, 0, "SWOOLE_REDIS_MODE_MULTI")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_password, 0, 0, 1)
ZEND_ARG_TYPE_INFO(0, password, IS_STRING, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_db, 0, 0, 1)
ZEND_ARG_TYPE_INFO(0, db, IS_LONG, 0)
ZEND_END_ARG_INFO()

const zend_function_entry control_methods[] = {
    PHP_ME(Redis, __construct, arginfo_construct, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, connect, arginfo_connect, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, close, arginfo_none, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, setOptions, arginfo_array, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, getOptions, arginfo_none, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, setDefer, arginfo_defer, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, getDefer, arginfo_none, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, recv, arginfo_none, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, request, arginfo_array, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, getAuth, arginfo_none, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, getDBNum, arginfo_none, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, auth, arginfo_password, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, select, arginfo_db, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, multi, arginfo_multi, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, exec, arginfo_none, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, discard, arginfo_none, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, subscribe, arginfo_array, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, pSubscribe, arginfo_array, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, unsubscribe, arginfo_array, ZEND_ACC_PUBLIC)
    PHP_ME(Redis, pUnSubscribe, arginfo_array, ZEND_ACC_PUBLIC)
    PHP_FE_END
};

struct NamedLong {
    const char *name;
    zend_long value;
};

const NamedLong kConstants[] = {
    {"SWOOLE_REDIS_MODE_MULTI", 0}, {"SWOOLE_REDIS_MODE_PIPELINE", 1},
    {"SWOOLE_REDIS_TYPE_NOT_FOUND", 0}, {"SWOOLE_REDIS_TYPE_STRING", 1}, {"SWOOLE_REDIS_TYPE_SET", 2},
    {"SWOOLE_REDIS_TYPE_LIST", 3}, {"SWOOLE_REDIS_TYPE_ZSET", 4}, {"SWOOLE_REDIS_TYPE_HASH", 5},
    {"SWOOLE_REDIS_ERR_IO", 1}, {"SWOOLE_REDIS_ERR_OTHER", 2}, {"SWOOLE_REDIS_ERR_EOF", 3},
    {"SWOOLE_REDIS_ERR_PROTOCOL", 4}, {"SWOOLE_REDIS_ERR_OOM", 5}, {"SWOOLE_REDIS_ERR_CLOSED", 6},
    {"SWOOLE_REDIS_ERR_NOAUTH", 7}, {"SWOOLE_REDIS_ERR_ALLOC", 8},
};

}  // namespace

int client_load(const sw_host_api *host) {
    redis_host = host;
    return SW_HOST_HAS(host, socket_free) ? 0 : -1;
}

int client_register_classes(int module_number) {
    // One method table: the control methods, then the commands.
    static std::vector<zend_function_entry> methods;
    for (const zend_function_entry *e = control_methods; e->fname; e++) methods.push_back(*e);
    for (const zend_function_entry *e = redis_command_methods; e->fname; e++) methods.push_back(*e);
    methods.push_back(zend_function_entry{});

    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Coroutine\\Redis", methods.data());
    redis_ce = zend_register_internal_class(&ce);
    redis_ce->create_object = create_object;
    redis_ce->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
    memcpy(&redis_handlers, zend_get_std_object_handlers(), sizeof(redis_handlers));
    redis_handlers.offset = XtOffsetOf(RedisObject, std);
    redis_handlers.free_obj = free_object;
    redis_handlers.clone_obj = nullptr;

    zend_declare_property_string(redis_ce, ZEND_STRL("host"), "", ZEND_ACC_PUBLIC);
    zend_declare_property_long(redis_ce, ZEND_STRL("port"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_null(redis_ce, ZEND_STRL("setting"), ZEND_ACC_PUBLIC);
    zend_declare_property_long(redis_ce, ZEND_STRL("sock"), -1, ZEND_ACC_PUBLIC);
    zend_declare_property_bool(redis_ce, ZEND_STRL("connected"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(redis_ce, ZEND_STRL("errType"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(redis_ce, ZEND_STRL("errCode"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_string(redis_ce, ZEND_STRL("errMsg"), "", ZEND_ACC_PUBLIC);

    if (INI_BOOL("swoole.use_shortname")) zend_register_class_alias("Co\\Redis", redis_ce);
    for (const NamedLong &c : kConstants) {
        zend_register_long_constant(c.name, strlen(c.name), c.value, CONST_CS | CONST_PERSISTENT, module_number);
    }
    return 0;
}

}  // namespace swoole::mod::redis
