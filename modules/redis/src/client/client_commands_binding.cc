// The command methods of Swoole\Coroutine\Redis with 4.8's (phpredis's)
// argument conventions. Each method is one row of a table: the Redis
// command (one or two words), how the PHP arguments become its arguments
// (the Kind, or a builder for the irregular ones), which arguments are
// values (serialized with the serialize option) and the reply's shape.
#include "client/client_binding.h"

#include <string_view>

namespace swoole::mod::redis {

namespace {

enum class Kind {
    plain,       // the arguments as they are: min..max of them (max -1: any)
    keys,        // one or more keys, as arguments or one array
    key_values,  // a key, then one or more values as arguments or one array
    fixed_keys,  // `min` fixed arguments, then keys as arguments or one array
    blocking,    // keys (arguments or one array), then the timeout
    custom,      // the builder does it
};

using Builder = bool (*)(ClientState &st, zval *argv, uint32_t argc, Shape &shape);

struct CommandSpec {
    std::string_view command;  // "GET", "XGROUP CREATE"
    Kind kind;
    int min;
    int max;
    uint32_t values;  // bit i: argument i is a value (key_values: bit 0 = the values)
    Shape shape;
    Builder build;
};

void add_command(ClientState &st, std::string_view command) {
    size_t sp = command.find(' ');
    if (sp == std::string_view::npos) return arg_add_literal(st, command);
    arg_add_literal(st, command.substr(0, sp));
    arg_add_literal(st, command.substr(sp + 1));
}

// Arguments from `from` on, or the elements of a sole array argument.
bool add_list(ClientState &st, zval *argv, uint32_t argc, uint32_t from, bool values) {
    if (argc == from + 1 && Z_TYPE(argv[from]) == IS_ARRAY) {
        if (zend_hash_num_elements(Z_ARRVAL(argv[from])) == 0) return false;
        zval *v;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL(argv[from]), v) { values ? arg_add_value(st, v) : arg_add(st, v); }
        ZEND_HASH_FOREACH_END();
        return true;
    }
    if (argc <= from) return false;
    for (uint32_t i = from; i < argc; i++) values ? arg_add_value(st, &argv[i]) : arg_add(st, &argv[i]);
    return true;
}

// A fixed-arity method called with the wrong count throws as PHP's own
// functions do; a variadic one gets false (4.8).
bool count_ok(uint32_t argc, int min, int max) {
    if (max < 0) return static_cast<int>(argc) >= min;
    if (static_cast<int>(argc) < min || static_cast<int>(argc) > max) {
        zend_wrong_parameters_count_error(min, max);
        return false;
    }
    return true;
}

bool build(ClientState &st, const CommandSpec &spec, zval *argv, uint32_t argc, Shape &shape) {
    if (spec.kind == Kind::custom) {
        if (!count_ok(argc, spec.min, spec.max)) return false;
        add_command(st, spec.command);
        return spec.build(st, argv, argc, shape);
    }
    add_command(st, spec.command);
    switch (spec.kind) {
    case Kind::plain:
        if (!count_ok(argc, spec.min, spec.max)) return false;
        for (uint32_t i = 0; i < argc; i++) {
            (spec.values >> i) & 1 ? arg_add_value(st, &argv[i]) : arg_add(st, &argv[i]);
        }
        return true;
    case Kind::keys:
        return add_list(st, argv, argc, 0, false);
    case Kind::key_values:
        if (argc < 2) return false;
        arg_add(st, &argv[0]);
        return add_list(st, argv, argc, 1, spec.values & 1);
    case Kind::fixed_keys:
        if (argc <= static_cast<uint32_t>(spec.min)) return false;
        for (int i = 0; i < spec.min; i++) arg_add(st, &argv[i]);
        return add_list(st, argv, argc, spec.min, false);
    case Kind::blocking:
        if (argc < 2) return false;
        if (!add_list(st, argv, argc - 1, 0, false)) return false;
        arg_add(st, &argv[argc - 1]);
        return true;
    case Kind::custom:
        break;
    }
    return false;
}

HashTable *array_arg(zval *argv, uint32_t argc, uint32_t i) {
    return i < argc && Z_TYPE(argv[i]) == IS_ARRAY ? Z_ARRVAL(argv[i]) : nullptr;
}

// "ex" => "EX": option names go out upper-cased.
void add_upper(ClientState &st, zend_string *name) {
    zend_string *u = zend_string_toupper(name);
    st.held.push_back(u);
    st.args.add({ZSTR_VAL(u), ZSTR_LEN(u)});
}

void add_upper(ClientState &st, zval *name) {
    zend_string *s = zval_get_string(name);
    add_upper(st, s);
    zend_string_release(s);
}

// set(k, v), set(k, v, int $ttl) -> SETEX, set(k, v, ['nx', 'ex' => 10]).
bool build_set(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    zval *opt = argc > 2 ? &argv[2] : nullptr;
    if (opt && (Z_TYPE_P(opt) == IS_LONG || Z_TYPE_P(opt) == IS_DOUBLE) && zval_get_long(opt) > 0) {
        st.args.clear();
        arg_add_literal(st, "SETEX");
        arg_add(st, &argv[0]);
        arg_add_long(st, zval_get_long(opt));
        arg_add_value(st, &argv[1]);
        return true;
    }
    arg_add(st, &argv[0]);
    arg_add_value(st, &argv[1]);
    if (opt && Z_TYPE_P(opt) == IS_ARRAY) {
        zend_string *key;
        zend_ulong idx;
        zval *v;
        ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(opt), idx, key, v) {
            (void)idx;
            if (key) {
                add_upper(st, key);  // ex/px/exat/pxat => n
                arg_add(st, v);
            } else {
                add_upper(st, v);  // nx, xx, keepttl, get
            }
        }
        ZEND_HASH_FOREACH_END();
    }
    return true;
}

// [k => v, ...] as k v k v (values serialized).
bool add_pairs(ClientState &st, HashTable *ht) {
    if (!ht || zend_hash_num_elements(ht) == 0) return false;
    zend_string *key;
    zend_ulong idx;
    zval *v;
    ZEND_HASH_FOREACH_KEY_VAL(ht, idx, key, v) {
        if (key) {
            st.args.add({ZSTR_VAL(key), ZSTR_LEN(key)});
        } else {
            arg_add_long(st, static_cast<zend_long>(idx));
        }
        arg_add_value(st, v);
    }
    ZEND_HASH_FOREACH_END();
    return true;
}

bool build_mset(ClientState &st, zval *argv, uint32_t argc, Shape &) { return add_pairs(st, array_arg(argv, argc, 0)); }

bool build_hmset(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    arg_add(st, &argv[0]);
    return add_pairs(st, array_arg(argv, argc, 1));
}

bool build_hmget(ClientState &st, zval *argv, uint32_t argc, Shape &shape) {
    arg_add(st, &argv[0]);
    shape = Shape::hmget;
    return add_list(st, argv, argc, 1, false);
}

// zAdd(key, [options,] score, member, ...)
bool build_zadd(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    arg_add(st, &argv[0]);
    uint32_t i = 1;
    if (Z_TYPE(argv[1]) == IS_ARRAY) {
        zval *v;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL(argv[1]), v) { add_upper(st, v); }
        ZEND_HASH_FOREACH_END();
        i = 2;
    }
    if (argc <= i || (argc - i) % 2 != 0) return false;
    for (; i < argc; i += 2) {
        arg_add(st, &argv[i]);
        arg_add_value(st, &argv[i + 1]);
    }
    return true;
}

// zRange(key, start, end, bool $withscores = false)
bool build_zrange(ClientState &st, zval *argv, uint32_t argc, Shape &shape) {
    for (uint32_t i = 0; i < 3; i++) arg_add(st, &argv[i]);
    if (argc > 3 && zend_is_true(&argv[3])) {
        arg_add_literal(st, "WITHSCORES");
        shape = Shape::zscores;
    }
    return true;
}

// zRangeByScore(key, min, max, ['withscores' => bool, 'limit' => [offset, count]])
bool build_zrangebyscore(ClientState &st, zval *argv, uint32_t argc, Shape &shape) {
    for (uint32_t i = 0; i < 3; i++) arg_add(st, &argv[i]);
    HashTable *opt = array_arg(argv, argc, 3);
    if (!opt) return true;
    zval *v = zend_hash_str_find(opt, ZEND_STRL("withscores"));
    if (v && zend_is_true(v)) {
        arg_add_literal(st, "WITHSCORES");
        shape = Shape::zscores;
    }
    v = zend_hash_str_find(opt, ZEND_STRL("limit"));
    if (v && Z_TYPE_P(v) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL_P(v)) == 2) {
        arg_add_literal(st, "LIMIT");
        zval *e;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), e) { arg_add(st, e); }
        ZEND_HASH_FOREACH_END();
    }
    return true;
}

// zRangeByLex(key, min, max [, offset, count])
bool build_zrangebylex(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    if (argc != 3 && argc != 5) return false;
    for (uint32_t i = 0; i < 3; i++) arg_add(st, &argv[i]);
    if (argc == 5) {
        arg_add_literal(st, "LIMIT");
        arg_add(st, &argv[3]);
        arg_add(st, &argv[4]);
    }
    return true;
}

// zInter(dst, keys, ?weights, ?aggregate) -> ZINTERSTORE dst n k... [WEIGHTS w...] [AGGREGATE a]
bool build_zstore(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    HashTable *keys = array_arg(argv, argc, 1);
    if (!keys || zend_hash_num_elements(keys) == 0) return false;
    arg_add(st, &argv[0]);
    arg_add_long(st, zend_hash_num_elements(keys));
    zval *v;
    ZEND_HASH_FOREACH_VAL(keys, v) { arg_add(st, v); }
    ZEND_HASH_FOREACH_END();
    if (HashTable *weights = array_arg(argv, argc, 2)) {
        if (zend_hash_num_elements(weights) != zend_hash_num_elements(keys)) return false;
        arg_add_literal(st, "WEIGHTS");
        ZEND_HASH_FOREACH_VAL(weights, v) { arg_add(st, v); }
        ZEND_HASH_FOREACH_END();
    }
    if (argc > 3 && Z_TYPE(argv[3]) != IS_NULL) {
        arg_add_literal(st, "AGGREGATE");
        add_upper(st, &argv[3]);
    }
    return true;
}

// eval(script, array $args = [], int $numKeys = 0)
bool build_eval(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    arg_add(st, &argv[0]);
    arg_add_long(st, argc > 2 ? zval_get_long(&argv[2]) : 0);
    if (HashTable *args = array_arg(argv, argc, 1)) {
        zval *v;
        ZEND_HASH_FOREACH_VAL(args, v) { arg_add(st, v); }
        ZEND_HASH_FOREACH_END();
    }
    return true;
}

// lRem(key, value, count = 0) -> LREM key count value
bool build_lrem(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    arg_add(st, &argv[0]);
    arg_add_long(st, argc > 2 ? zval_get_long(&argv[2]) : 0);
    arg_add_value(st, &argv[1]);
    return true;
}

zval *opt_find(HashTable *opt, std::string_view name) {
    return opt ? zend_hash_str_find(opt, name.data(), name.size()) : nullptr;
}

// 'maxlen' => n | ['~', n], 'minid' => id | ['=', id], 'limit' => n
void add_trim(ClientState &st, HashTable *opt) {
    for (std::string_view name : {std::string_view("maxlen"), std::string_view("minid")}) {
        zval *v = opt_find(opt, name);
        if (!v) continue;
        arg_add_literal(st, name == "maxlen" ? "MAXLEN" : "MINID");
        if (Z_TYPE_P(v) == IS_ARRAY) {
            zval *e;
            ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), e) { arg_add(st, e); }
            ZEND_HASH_FOREACH_END();
        } else {
            arg_add(st, v);
        }
        if (zval *limit = opt_find(opt, "limit")) {
            arg_add_literal(st, "LIMIT");
            arg_add(st, limit);
        }
        break;
    }
}

// xAdd(key, id, [field => value], ['nomkstream' => true, 'maxlen' => ..., 'minid' => ..., 'limit' => n])
bool build_xadd(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    HashTable *fields = array_arg(argv, argc, 2);
    HashTable *opt = array_arg(argv, argc, 3);
    arg_add(st, &argv[0]);
    if (zval *v = opt_find(opt, "nomkstream"); v && zend_is_true(v)) arg_add_literal(st, "NOMKSTREAM");
    add_trim(st, opt);
    arg_add(st, &argv[1]);
    return add_pairs(st, fields);
}

bool build_xtrim(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    arg_add(st, &argv[0]);
    HashTable *opt = array_arg(argv, argc, 1);
    if (!opt_find(opt, "maxlen") && !opt_find(opt, "minid")) return false;
    add_trim(st, opt);
    return true;
}

// STREAMS k1 k2 ... id1 id2 ... from [key => id]
bool add_streams(ClientState &st, HashTable *streams) {
    if (!streams || zend_hash_num_elements(streams) == 0) return false;
    arg_add_literal(st, "STREAMS");
    zend_string *key;
    zend_ulong idx;
    zval *v;
    ZEND_HASH_FOREACH_KEY(streams, idx, key) {
        key ? st.args.add({ZSTR_VAL(key), ZSTR_LEN(key)}) : arg_add_long(st, static_cast<zend_long>(idx));
    }
    ZEND_HASH_FOREACH_END();
    ZEND_HASH_FOREACH_VAL(streams, v) { arg_add(st, v); }
    ZEND_HASH_FOREACH_END();
    return true;
}

void add_count_block(ClientState &st, HashTable *opt) {
    if (zval *v = opt_find(opt, "count")) {
        arg_add_literal(st, "COUNT");
        arg_add(st, v);
    }
    if (zval *v = opt_find(opt, "block")) {
        arg_add_literal(st, "BLOCK");
        arg_add(st, v);
    }
}

// xRead([key => id], ['count' => n, 'block' => ms])
bool build_xread(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    add_count_block(st, array_arg(argv, argc, 1));
    return add_streams(st, array_arg(argv, argc, 0));
}

// xReadGroup(group, consumer, [key => id], ['count' => n, 'block' => ms, 'noack' => true])
bool build_xreadgroup(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    HashTable *opt = array_arg(argv, argc, 3);
    arg_add_literal(st, "GROUP");
    arg_add(st, &argv[0]);
    arg_add(st, &argv[1]);
    add_count_block(st, opt);
    if (zval *v = opt_find(opt, "noack"); v && zend_is_true(v)) arg_add_literal(st, "NOACK");
    return add_streams(st, array_arg(argv, argc, 2));
}

// xRange(key, start, end, count = 0)
bool build_xrange(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    for (uint32_t i = 0; i < 3; i++) arg_add(st, &argv[i]);
    if (argc > 3 && zval_get_long(&argv[3]) > 0) {
        arg_add_literal(st, "COUNT");
        arg_add(st, &argv[3]);
    }
    return true;
}

// xGroupCreate(key, group, id, bool $mkstream = false)
bool build_xgroup_create(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    for (uint32_t i = 0; i < 3; i++) arg_add(st, &argv[i]);
    if (argc > 3 && zend_is_true(&argv[3])) arg_add_literal(st, "MKSTREAM");
    return true;
}

// xPending(key, group, ['idle' => ms, 'start' => s, 'end' => e, 'count' => n, 'consumer' => c])
bool build_xpending(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    arg_add(st, &argv[0]);
    arg_add(st, &argv[1]);
    HashTable *opt = array_arg(argv, argc, 2);
    zval *start = opt_find(opt, "start"), *end = opt_find(opt, "end"), *count = opt_find(opt, "count");
    if (!start || !end || !count) return true;  // the summary form
    if (zval *idle = opt_find(opt, "idle")) {
        arg_add_literal(st, "IDLE");
        arg_add(st, idle);
    }
    arg_add(st, start);
    arg_add(st, end);
    arg_add(st, count);
    if (zval *consumer = opt_find(opt, "consumer")) arg_add(st, consumer);
    return true;
}

// xClaim(key, group, consumer, min_idle, [ids], ['idle'|'time'|'retrycount' => n, 'force' => true, 'justid' => true])
bool build_xclaim(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    for (uint32_t i = 0; i < 4; i++) arg_add(st, &argv[i]);
    HashTable *ids = array_arg(argv, argc, 4);
    if (!ids || zend_hash_num_elements(ids) == 0) return false;
    zval *v;
    ZEND_HASH_FOREACH_VAL(ids, v) { arg_add(st, v); }
    ZEND_HASH_FOREACH_END();
    HashTable *opt = array_arg(argv, argc, 5);
    for (auto [name, word] : {std::pair{"idle", "IDLE"}, std::pair{"time", "TIME"}, std::pair{"retrycount", "RETRYCOUNT"}}) {
        if (zval *n = opt_find(opt, name)) {
            arg_add_literal(st, word);
            arg_add(st, n);
        }
    }
    if (zval *f = opt_find(opt, "force"); f && zend_is_true(f)) arg_add_literal(st, "FORCE");
    if (zval *j = opt_find(opt, "justid"); j && zend_is_true(j)) arg_add_literal(st, "JUSTID");
    return true;
}

// xAutoClaim(key, group, consumer, min_idle, start, ['count' => n, 'justid' => true])
bool build_xautoclaim(ClientState &st, zval *argv, uint32_t argc, Shape &) {
    for (uint32_t i = 0; i < 5; i++) arg_add(st, &argv[i]);
    HashTable *opt = array_arg(argv, argc, 5);
    if (zval *n = opt_find(opt, "count")) {
        arg_add_literal(st, "COUNT");
        arg_add(st, n);
    }
    if (zval *j = opt_find(opt, "justid"); j && zend_is_true(j)) arg_add_literal(st, "JUSTID");
    return true;
}

constexpr uint32_t V(int i) { return 1u << i; }

// name, command, kind, min, max, values, shape, builder
#define REDIS_COMMANDS(X)                                                                        \
    X(set, "SET", custom, 2, 3, 0, generic, build_set)                                          \
    X(setBit, "SETBIT", plain, 3, 3, 0, generic, nullptr)                                       \
    X(setEx, "SETEX", plain, 3, 3, V(2), generic, nullptr)                                      \
    X(psetEx, "PSETEX", plain, 3, 3, V(2), generic, nullptr)                                    \
    X(lSet, "LSET", plain, 3, 3, V(2), generic, nullptr)                                        \
    X(get, "GET", plain, 1, 1, 0, get, nullptr)                                                 \
    X(mGet, "MGET", keys, 1, -1, 0, generic, nullptr)                                           \
    X(del, "DEL", keys, 1, -1, 0, generic, nullptr)                                             \
    X(hDel, "HDEL", key_values, 2, -1, 0, generic, nullptr)                                     \
    X(hSet, "HSET", plain, 3, 3, V(2), generic, nullptr)                                        \
    X(hMSet, "HMSET", custom, 2, 2, 0, generic, build_hmset)                                    \
    X(hSetNx, "HSETNX", plain, 3, 3, V(2), generic, nullptr)                                    \
    X(mSet, "MSET", custom, 1, 1, 0, generic, build_mset)                                       \
    X(mSetNx, "MSETNX", custom, 1, 1, 0, generic, build_mset)                                   \
    X(getKeys, "KEYS", plain, 1, 1, 0, generic, nullptr)                                        \
    X(exists, "EXISTS", keys, 1, -1, 0, generic, nullptr)                                       \
    X(type, "TYPE", plain, 1, 1, 0, generic, nullptr)                                           \
    X(strLen, "STRLEN", plain, 1, 1, 0, generic, nullptr)                                       \
    X(lPop, "LPOP", plain, 1, 2, 0, generic, nullptr)                                           \
    X(blPop, "BLPOP", blocking, 2, -1, 0, generic, nullptr)                                     \
    X(rPop, "RPOP", plain, 1, 2, 0, generic, nullptr)                                           \
    X(brPop, "BRPOP", blocking, 2, -1, 0, generic, nullptr)                                     \
    X(bRPopLPush, "BRPOPLPUSH", plain, 3, 3, 0, generic, nullptr)                               \
    X(lSize, "LLEN", plain, 1, 1, 0, generic, nullptr)                                          \
    X(sSize, "SCARD", plain, 1, 1, 0, generic, nullptr)                                         \
    X(sPop, "SPOP", plain, 1, 2, 0, generic, nullptr)                                           \
    X(sMembers, "SMEMBERS", plain, 1, 1, 0, generic, nullptr)                                   \
    X(sRandMember, "SRANDMEMBER", plain, 1, 2, 0, generic, nullptr)                             \
    X(persist, "PERSIST", plain, 1, 1, 0, generic, nullptr)                                     \
    X(ttl, "TTL", plain, 1, 1, 0, generic, nullptr)                                             \
    X(pttl, "PTTL", plain, 1, 1, 0, generic, nullptr)                                           \
    X(zCard, "ZCARD", plain, 1, 1, 0, generic, nullptr)                                         \
    X(hLen, "HLEN", plain, 1, 1, 0, generic, nullptr)                                           \
    X(hKeys, "HKEYS", plain, 1, 1, 0, generic, nullptr)                                         \
    X(hVals, "HVALS", plain, 1, 1, 0, generic, nullptr)                                         \
    X(hGetAll, "HGETALL", plain, 1, 1, 0, hgetall, nullptr)                                     \
    X(debug, "DEBUG OBJECT", plain, 1, 1, 0, generic, nullptr)                                  \
    X(restore, "RESTORE", plain, 3, 3, 0, generic, nullptr)                                     \
    X(dump, "DUMP", plain, 1, 1, 0, generic, nullptr)                                           \
    X(renameKey, "RENAME", plain, 2, 2, 0, generic, nullptr)                                    \
    X(renameNx, "RENAMENX", plain, 2, 2, 0, generic, nullptr)                                   \
    X(rpoplpush, "RPOPLPUSH", plain, 2, 2, 0, generic, nullptr)                                 \
    X(randomKey, "RANDOMKEY", plain, 0, 0, 0, generic, nullptr)                                 \
    X(pfadd, "PFADD", key_values, 2, 2, 0, generic, nullptr)                                    \
    X(pfcount, "PFCOUNT", keys, 1, -1, 0, generic, nullptr)                                     \
    X(pfmerge, "PFMERGE", fixed_keys, 1, -1, 0, generic, nullptr)                               \
    X(ping, "PING", plain, 0, 1, 0, generic, nullptr)                                           \
    X(unwatch, "UNWATCH", plain, 0, 0, 0, generic, nullptr)                                     \
    X(watch, "WATCH", keys, 1, -1, 0, generic, nullptr)                                         \
    X(save, "SAVE", plain, 0, 0, 0, generic, nullptr)                                           \
    X(bgSave, "BGSAVE", plain, 0, 0, 0, generic, nullptr)                                       \
    X(lastSave, "LASTSAVE", plain, 0, 0, 0, generic, nullptr)                                   \
    X(flushDB, "FLUSHDB", plain, 0, 1, 0, generic, nullptr)                                     \
    X(flushAll, "FLUSHALL", plain, 0, 1, 0, generic, nullptr)                                   \
    X(dbSize, "DBSIZE", plain, 0, 0, 0, generic, nullptr)                                       \
    X(bgrewriteaof, "BGREWRITEAOF", plain, 0, 0, 0, generic, nullptr)                           \
    X(time, "TIME", plain, 0, 0, 0, generic, nullptr)                                           \
    X(role, "ROLE", plain, 0, 0, 0, generic, nullptr)                                           \
    X(setRange, "SETRANGE", plain, 3, 3, 0, generic, nullptr)                                   \
    X(setNx, "SETNX", plain, 2, 2, V(1), generic, nullptr)                                      \
    X(getSet, "GETSET", plain, 2, 2, V(1), generic, nullptr)                                    \
    X(append, "APPEND", plain, 2, 2, 0, generic, nullptr)                                       \
    X(lPushx, "LPUSHX", plain, 2, 2, V(1), generic, nullptr)                                    \
    X(lPush, "LPUSH", key_values, 2, -1, 1, generic, nullptr)                                   \
    X(rPush, "RPUSH", key_values, 2, -1, 1, generic, nullptr)                                   \
    X(rPushx, "RPUSHX", plain, 2, 2, V(1), generic, nullptr)                                    \
    X(sContains, "SISMEMBER", plain, 2, 2, V(1), generic, nullptr)                              \
    X(zScore, "ZSCORE", plain, 2, 2, V(1), generic, nullptr)                                    \
    X(zRank, "ZRANK", plain, 2, 2, V(1), rank, nullptr)                                         \
    X(zRevRank, "ZREVRANK", plain, 2, 2, V(1), rank, nullptr)                                   \
    X(hGet, "HGET", plain, 2, 2, 0, generic, nullptr)                                           \
    X(hMGet, "HMGET", custom, 2, 2, 0, hmget, build_hmget)                                      \
    X(hExists, "HEXISTS", plain, 2, 2, 0, hexists, nullptr)                                     \
    X(publish, "PUBLISH", plain, 2, 2, 0, generic, nullptr)                                     \
    X(zIncrBy, "ZINCRBY", plain, 3, 3, V(2), generic, nullptr)                                  \
    X(zAdd, "ZADD", custom, 3, -1, 0, generic, build_zadd)                                      \
    X(zPopMin, "ZPOPMIN", plain, 1, 2, 0, generic, nullptr)                                     \
    X(zPopMax, "ZPOPMAX", plain, 1, 2, 0, generic, nullptr)                                     \
    X(bzPopMin, "BZPOPMIN", blocking, 2, -1, 0, generic, nullptr)                               \
    X(bzPopMax, "BZPOPMAX", blocking, 2, -1, 0, generic, nullptr)                               \
    X(zDeleteRangeByScore, "ZREMRANGEBYSCORE", plain, 3, 3, 0, generic, nullptr)                \
    X(zCount, "ZCOUNT", plain, 3, 3, 0, generic, nullptr)                                       \
    X(zRange, "ZRANGE", custom, 3, 4, 0, generic, build_zrange)                                 \
    X(zRevRange, "ZREVRANGE", custom, 3, 4, 0, generic, build_zrange)                           \
    X(zRangeByScore, "ZRANGEBYSCORE", custom, 3, 4, 0, generic, build_zrangebyscore)            \
    X(zRevRangeByScore, "ZREVRANGEBYSCORE", custom, 3, 4, 0, generic, build_zrangebyscore)      \
    X(zRangeByLex, "ZRANGEBYLEX", custom, 3, 5, 0, generic, build_zrangebylex)                  \
    X(zRevRangeByLex, "ZREVRANGEBYLEX", custom, 3, 5, 0, generic, build_zrangebylex)            \
    X(zInter, "ZINTERSTORE", custom, 2, 4, 0, generic, build_zstore)                            \
    X(zUnion, "ZUNIONSTORE", custom, 2, 4, 0, generic, build_zstore)                            \
    X(incrBy, "INCRBY", plain, 2, 2, 0, generic, nullptr)                                       \
    X(hIncrBy, "HINCRBY", plain, 3, 3, 0, generic, nullptr)                                     \
    X(incr, "INCR", plain, 1, 1, 0, generic, nullptr)                                           \
    X(decrBy, "DECRBY", plain, 2, 2, 0, generic, nullptr)                                       \
    X(decr, "DECR", plain, 1, 1, 0, generic, nullptr)                                           \
    X(getBit, "GETBIT", plain, 2, 2, 0, generic, nullptr)                                       \
    X(lInsert, "LINSERT", plain, 4, 4, V(2) | V(3), generic, nullptr)                           \
    X(lGet, "LINDEX", plain, 2, 2, 0, generic, nullptr)                                         \
    X(setTimeout, "EXPIRE", plain, 2, 2, 0, generic, nullptr)                                   \
    X(pexpire, "PEXPIRE", plain, 2, 2, 0, generic, nullptr)                                     \
    X(expireAt, "EXPIREAT", plain, 2, 2, 0, generic, nullptr)                                   \
    X(pexpireAt, "PEXPIREAT", plain, 2, 2, 0, generic, nullptr)                                 \
    X(move, "MOVE", plain, 2, 2, 0, generic, nullptr)                                           \
    X(getRange, "GETRANGE", plain, 3, 3, 0, generic, nullptr)                                   \
    X(listTrim, "LTRIM", plain, 3, 3, 0, generic, nullptr)                                      \
    X(lGetRange, "LRANGE", plain, 3, 3, 0, generic, nullptr)                                    \
    X(lRem, "LREM", custom, 2, 3, 0, generic, build_lrem)                                       \
    X(zDeleteRangeByRank, "ZREMRANGEBYRANK", plain, 3, 3, 0, generic, nullptr)                  \
    X(incrByFloat, "INCRBYFLOAT", plain, 2, 2, 0, generic, nullptr)                             \
    X(hIncrByFloat, "HINCRBYFLOAT", plain, 3, 3, 0, generic, nullptr)                           \
    X(bitCount, "BITCOUNT", plain, 1, 3, 0, generic, nullptr)                                   \
    X(bitOp, "BITOP", fixed_keys, 2, -1, 0, generic, nullptr)                                   \
    X(sAdd, "SADD", key_values, 2, -1, 1, generic, nullptr)                                     \
    X(sMove, "SMOVE", plain, 3, 3, V(2), generic, nullptr)                                      \
    X(sDiff, "SDIFF", keys, 1, -1, 0, generic, nullptr)                                         \
    X(sDiffStore, "SDIFFSTORE", fixed_keys, 1, -1, 0, generic, nullptr)                         \
    X(sUnion, "SUNION", keys, 1, -1, 0, generic, nullptr)                                       \
    X(sUnionStore, "SUNIONSTORE", fixed_keys, 1, -1, 0, generic, nullptr)                       \
    X(sInter, "SINTER", keys, 1, -1, 0, generic, nullptr)                                       \
    X(sInterStore, "SINTERSTORE", fixed_keys, 1, -1, 0, generic, nullptr)                       \
    X(sRemove, "SREM", key_values, 2, -1, 1, generic, nullptr)                                  \
    X(zDelete, "ZREM", key_values, 2, -1, 1, generic, nullptr)                                  \
    X(eval, "EVAL", custom, 1, 3, 0, generic, build_eval)                                       \
    X(evalSha, "EVALSHA", custom, 1, 3, 0, generic, build_eval)                                 \
    X(script, "SCRIPT", plain, 1, -1, 0, generic, nullptr)                                      \
    X(xLen, "XLEN", plain, 1, 1, 0, generic, nullptr)                                           \
    X(xAdd, "XADD", custom, 3, 4, 0, generic, build_xadd)                                       \
    X(xRead, "XREAD", custom, 1, 2, 0, xread, build_xread)                                    \
    X(xDel, "XDEL", key_values, 2, -1, 0, generic, nullptr)                                     \
    X(xRange, "XRANGE", custom, 3, 4, 0, xrange, build_xrange)                                 \
    X(xRevRange, "XREVRANGE", custom, 3, 4, 0, xrange, build_xrange)                           \
    X(xTrim, "XTRIM", custom, 2, 2, 0, generic, build_xtrim)                                    \
    X(xGroupCreate, "XGROUP CREATE", custom, 3, 4, 0, generic, build_xgroup_create)             \
    X(xGroupSetId, "XGROUP SETID", plain, 3, 3, 0, generic, nullptr)                            \
    X(xGroupDestroy, "XGROUP DESTROY", plain, 2, 2, 0, generic, nullptr)                        \
    X(xGroupCreateConsumer, "XGROUP CREATECONSUMER", plain, 3, 3, 0, generic, nullptr)          \
    X(xGroupDelConsumer, "XGROUP DELCONSUMER", plain, 3, 3, 0, generic, nullptr)                \
    X(xReadGroup, "XREADGROUP", custom, 3, 4, 0, xread, build_xreadgroup)                     \
    X(xPending, "XPENDING", custom, 2, 3, 0, xpending, build_xpending)                           \
    X(xAck, "XACK", fixed_keys, 2, -1, 0, generic, nullptr)                                     \
    X(xClaim, "XCLAIM", custom, 5, 6, 0, xclaim, build_xclaim)                                 \
    X(xAutoClaim, "XAUTOCLAIM", custom, 5, 6, 0, xautoclaim, build_xautoclaim)                     \
    X(xInfoConsumers, "XINFO CONSUMERS", plain, 2, 2, 0, xinfo, nullptr)                      \
    X(xInfoGroups, "XINFO GROUPS", plain, 1, 1, 0, xinfo, nullptr)                            \
    X(xInfoStream, "XINFO STREAM", plain, 1, 1, 0, xinfo, nullptr)

// alias, method
#define REDIS_ALIASES(A)                                         \
    A(delete, del) A(keys, getKeys) A(lLen, lSize) A(scard, sSize) \
    A(sGetMembers, sMembers) A(zSize, zCard) A(rename, renameKey) \
    A(sismember, sContains) A(zRemRangeByScore, zDeleteRangeByScore) \
    A(zinterstore, zInter) A(zunionstore, zUnion) A(lIndex, lGet) \
    A(expire, setTimeout) A(ltrim, listTrim) A(lRange, lGetRange) \
    A(zRemRangeByRank, zDeleteRangeByRank) A(srem, sRemove) \
    A(zRemove, zDelete) A(zRem, zDelete)

#define REDIS_SPEC(name, cmd, kind, min, max, values, shape, builder) \
    const CommandSpec spec_##name{cmd, Kind::kind, min, max, values, Shape::shape, builder};
REDIS_COMMANDS(REDIS_SPEC)
#undef REDIS_SPEC

void handle(INTERNAL_FUNCTION_PARAMETERS, const CommandSpec &spec) {
    zval *argv = nullptr;
    uint32_t argc = 0;
    ZEND_PARSE_PARAMETERS_START(0, -1)
    Z_PARAM_VARIADIC('*', argv, argc)
    ZEND_PARSE_PARAMETERS_END();
    require_coroutine();
    ClientState &st = redis_state(ZEND_THIS);
    st.reset_args();
    Shape shape = spec.shape;
    if (!build(st, spec, argv, argc, shape)) {
        st.reset_args();
        if (EG(exception)) RETURN_THROWS();
        RETURN_FALSE;  // 4.8: a wrong argument list is false
    }
    run_command(ZEND_THIS, st, return_value, shape);
}

#define REDIS_METHOD(name, cmd, kind, min, max, values, shape, builder) \
    PHP_METHOD(Redis, name) { handle(INTERNAL_FUNCTION_PARAM_PASSTHRU, spec_##name); }
REDIS_COMMANDS(REDIS_METHOD)
#undef REDIS_METHOD

ZEND_BEGIN_ARG_INFO_EX(arginfo_command, 0, 0, 0)
ZEND_ARG_VARIADIC_INFO(0, args)
ZEND_END_ARG_INFO()

}  // namespace

#define REDIS_ENTRY(name, cmd, kind, min, max, values, shape, builder) \
    PHP_ME(Redis, name, arginfo_command, ZEND_ACC_PUBLIC)
#define REDIS_ALIAS_ENTRY(alias, method) PHP_MALIAS(Redis, alias, method, arginfo_command, ZEND_ACC_PUBLIC)

const zend_function_entry redis_command_methods[] = {
    REDIS_COMMANDS(REDIS_ENTRY)
    REDIS_ALIASES(REDIS_ALIAS_ENTRY)
    PHP_FE_END
};

}  // namespace swoole::mod::redis
