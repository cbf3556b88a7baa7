// Replies to PHP values: 4.8's default mapping (OK -> true, other statuses
// -> the TYPE numbers or 0, nil -> null, -ERR -> false with the error
// properties) and the phpredis shapes of compatibility_mode.
#include "client/client_binding.h"

extern "C" {
#include "ext/standard/php_var.h"
#include "zend_smart_str.h"
}

namespace swoole::mod::redis {

namespace {

// What 4.8 turns a status reply into: TYPE answers become the
// SWOOLE_REDIS_TYPE_* numbers, everything else but OK is 0.
void status_value(std::string_view s, zval *out) {
    if (s == "OK") {
        ZVAL_TRUE(out);
        return;
    }
    zend_long n = 0;
    if (s == "string") n = 1;
    else if (s == "set") n = 2;
    else if (s == "list") n = 3;
    else if (s == "zset") n = 4;
    else if (s == "hash") n = 5;
    ZVAL_LONG(out, n);
}

void bulk_value(ClientState &st, std::string_view s, zval *out) {
    if (st.serialize && !s.empty()) {
        const auto *p = reinterpret_cast<const unsigned char *>(s.data());
        php_unserialize_data_t vars;
        PHP_VAR_UNSERIALIZE_INIT(vars);
        bool ok = php_var_unserialize(out, &p, p + s.size(), &vars);
        PHP_VAR_UNSERIALIZE_DESTROY(vars);
        if (ok) return;
        zval_ptr_dtor(out);  // not a serialized value: the raw string
    }
    ZVAL_STRINGL(out, s.data(), s.size());
}

std::string_view text(const redisReply *r) { return {r->str, r->len}; }

bool is_text(const redisReply *r) { return r->type == REDIS_REPLY_STRING || r->type == REDIS_REPLY_STATUS; }

// [k1, v1, k2, v2, ...] -> [k1 => v1, ...]; float_values for scores.
void pairs_to_assoc(ClientState &st, redisReply *r, zval *out, bool float_values) {
    array_init_size(out, static_cast<uint32_t>(r->elements / 2));
    for (size_t i = 0; i + 1 < r->elements; i += 2) {
        redisReply *k = r->element[i];
        redisReply *v = r->element[i + 1];
        zval value;
        if (float_values && is_text(v)) {
            ZVAL_DOUBLE(&value, zend_strtod(v->str, nullptr));
        } else {
            reply_value(st, v, &value);
        }
        if (is_text(k)) {
            zend_symtable_str_update(Z_ARRVAL_P(out), k->str, k->len, &value);
        } else if (k->type == REDIS_REPLY_INTEGER) {
            zend_hash_index_update(Z_ARRVAL_P(out), k->integer, &value);
        } else {
            zend_hash_next_index_insert(Z_ARRVAL_P(out), &value);
        }
    }
}

// phpredis's stream shapes. Each converter returns false when the reply is
// not shaped as the command's reply should be; the caller then drops the
// partial array and gives the plain mapping, so nothing is lost.

void assoc_add(zval *arr, const redisReply *key, zval *value) {
    zend_symtable_str_update(Z_ARRVAL_P(arr), key->str, key->len, value);
}

// [id, [f1, v1, ...]] -> out[id] = [f1 => v1, ...] (values unserialized);
// an entry deleted meanwhile (nil fields) -> out[id] = null.
bool add_message(ClientState &st, redisReply *m, zval *out) {
    if (m->type != REDIS_REPLY_ARRAY || m->elements != 2 || !is_text(m->element[0])) return false;
    redisReply *fields = m->element[1];
    zval value;
    if (fields->type == REDIS_REPLY_NIL) {
        ZVAL_NULL(&value);
    } else if (fields->type == REDIS_REPLY_ARRAY && fields->elements % 2 == 0) {
        pairs_to_assoc(st, fields, &value, false);
    } else {
        return false;
    }
    assoc_add(out, m->element[0], &value);
    return true;
}

// xRange: [id => fields, ...]
bool messages_to_zval(ClientState &st, redisReply *r, zval *out) {
    if (r->type != REDIS_REPLY_ARRAY) return false;
    array_init_size(out, static_cast<uint32_t>(r->elements));
    for (size_t i = 0; i < r->elements; i++) {
        if (!add_message(st, r->element[i], out)) return false;
    }
    return true;
}

// xRead/xReadGroup: [stream => [id => fields]]; nothing new (nil) -> [].
bool streams_to_zval(ClientState &st, redisReply *r, zval *out) {
    if (r->type == REDIS_REPLY_NIL) {
        array_init(out);
        return true;
    }
    if (r->type != REDIS_REPLY_ARRAY) return false;
    array_init_size(out, static_cast<uint32_t>(r->elements));
    for (size_t i = 0; i < r->elements; i++) {
        redisReply *s = r->element[i];
        if (s->type != REDIS_REPLY_ARRAY || s->elements != 2 || !is_text(s->element[0])) return false;
        zval messages;
        ZVAL_UNDEF(&messages);
        bool ok = messages_to_zval(st, s->element[1], &messages);
        // A started array goes into out even when incomplete: out's destructor frees it.
        if (!Z_ISUNDEF(messages)) assoc_add(out, s->element[0], &messages);
        if (!ok) return false;
    }
    return true;
}

// xClaim: [id => fields, ...], or with JUSTID the list of ids.
bool claimed_to_zval(ClientState &st, redisReply *r, zval *out) {
    if (r->type != REDIS_REPLY_ARRAY) return false;
    array_init_size(out, static_cast<uint32_t>(r->elements));
    for (size_t i = 0; i < r->elements; i++) {
        redisReply *e = r->element[i];
        if (e->type == REDIS_REPLY_STRING) {
            add_next_index_stringl(out, e->str, e->len);
        } else if (!add_message(st, e, out)) {
            return false;
        }
    }
    return true;
}

// xAutoClaim: [next_id, claimed as xClaim, (Redis 7) [deleted ids]].
bool autoclaim_to_zval(ClientState &st, redisReply *r, zval *out) {
    if (r->type != REDIS_REPLY_ARRAY || r->elements < 2 || r->elements > 3 || !is_text(r->element[0])) return false;
    array_init_size(out, static_cast<uint32_t>(r->elements));
    add_next_index_stringl(out, r->element[0]->str, r->element[0]->len);
    zval claimed;
    ZVAL_UNDEF(&claimed);
    bool ok = claimed_to_zval(st, r->element[1], &claimed);
    if (!Z_ISUNDEF(claimed)) add_next_index_zval(out, &claimed);
    if (!ok) return false;
    if (r->elements == 3) {
        zval deleted;
        reply_value(st, r->element[2], &deleted);
        add_next_index_zval(out, &deleted);
    }
    return true;
}

// xPending (phpredis leaves its nesting alone): strings are never
// unserialized, nil becomes false, except the nil consumer list of an empty
// PEL's summary, which is [] ([0, false, false, []]).
void pending_value(redisReply *r, zval *out) {
    switch (r->type) {
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
        ZVAL_STRINGL(out, r->str, r->len);
        break;
    case REDIS_REPLY_INTEGER:
        ZVAL_LONG(out, static_cast<zend_long>(r->integer));
        break;
    case REDIS_REPLY_ARRAY:
        array_init_size(out, static_cast<uint32_t>(r->elements));
        for (size_t i = 0; i < r->elements; i++) {
            zval item;
            pending_value(r->element[i], &item);
            add_next_index_zval(out, &item);
        }
        break;
    default:  // nil
        ZVAL_FALSE(out);
        break;
    }
}

bool pending_to_zval(redisReply *r, zval *out) {
    if (r->type != REDIS_REPLY_ARRAY) return false;
    pending_value(r, out);
    // The summary [count, min, max, consumers]: no consumers is a nil array.
    if (r->elements == 4 && r->element[0]->type == REDIS_REPLY_INTEGER && r->element[3]->type == REDIS_REPLY_NIL) {
        zval empty;
        array_init(&empty);
        zend_hash_index_update(Z_ARRVAL_P(out), 3, &empty);
    }
    return true;
}

// xInfo*: arrays read as key/value runs, recursively: a string or integer
// in key position names the next element; an array there (XINFO GROUPS'
// list of groups) is appended. Strings stay raw, nil is null.
void info_to_zval(redisReply *r, zval *out) {
    array_init_size(out, static_cast<uint32_t>(r->elements));
    const redisReply *key = nullptr;
    for (size_t i = 0; i < r->elements; i++) {
        redisReply *e = r->element[i];
        zval value;
        if (e->type == REDIS_REPLY_ARRAY) {
            info_to_zval(e, &value);
        } else if (!key && (is_text(e) || e->type == REDIS_REPLY_INTEGER)) {
            key = e;
            continue;
        } else if (is_text(e)) {
            ZVAL_STRINGL(&value, e->str, e->len);
        } else if (e->type == REDIS_REPLY_INTEGER) {
            ZVAL_LONG(&value, static_cast<zend_long>(e->integer));
        } else {
            ZVAL_NULL(&value);
        }
        if (!key) {
            add_next_index_zval(out, &value);
        } else if (key->type == REDIS_REPLY_INTEGER) {
            zend_hash_index_update(Z_ARRVAL_P(out), key->integer, &value);
        } else {
            assoc_add(out, key, &value);
        }
        key = nullptr;
    }
    if (key) {  // an odd run: keep the last word as an element
        zval last;
        ZVAL_STRINGL(&last, key->str, key->len);
        add_next_index_zval(out, &last);
    }
}

bool stream_shape(ClientState &st, redisReply *r, zval *out, Shape shape) {
    switch (shape) {
    case Shape::xrange:
        return messages_to_zval(st, r, out);
    case Shape::xread:
        return streams_to_zval(st, r, out);
    case Shape::xclaim:
        return claimed_to_zval(st, r, out);
    case Shape::xautoclaim:
        return autoclaim_to_zval(st, r, out);
    case Shape::xpending:
        return pending_to_zval(r, out);
    case Shape::xinfo:
        if (r->type != REDIS_REPLY_ARRAY) return false;
        info_to_zval(r, out);
        return true;
    default:
        return false;
    }
}

}  // namespace

void reply_value(ClientState &st, redisReply *r, zval *out) {
    switch (r->type) {
    case REDIS_REPLY_STRING:
        bulk_value(st, text(r), out);
        break;
    case REDIS_REPLY_INTEGER:
        ZVAL_LONG(out, static_cast<zend_long>(r->integer));
        break;
    case REDIS_REPLY_STATUS:
        status_value(text(r), out);
        break;
    case REDIS_REPLY_ARRAY:
        array_init_size(out, static_cast<uint32_t>(r->elements));
        for (size_t i = 0; i < r->elements; i++) {
            zval item;
            reply_value(st, r->element[i], &item);
            zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &item);
        }
        break;
    case REDIS_REPLY_ERROR:
        ZVAL_FALSE(out);
        break;
    case REDIS_REPLY_NIL:
    default:
        ZVAL_NULL(out);
        break;
    }
}

void reply_to_zval(zval *self, ClientState &st, redisReply *r, zval *out, Shape shape) {
    if (r->type == REDIS_REPLY_ERROR) {
        st.conn.error().set_server_error(text(r));
        sync_error(self, st);
        ZVAL_FALSE(out);
        return;
    }
    if (st.error_shown) clear_error(self, st);
    if (st.compatibility) {
        switch (shape) {
        case Shape::get:
        case Shape::rank:
            if (r->type == REDIS_REPLY_NIL) {
                ZVAL_FALSE(out);
                return;
            }
            break;
        case Shape::hgetall:
            if (r->type == REDIS_REPLY_ARRAY) return pairs_to_assoc(st, r, out, false);
            break;
        case Shape::zscores:
            if (r->type == REDIS_REPLY_ARRAY) return pairs_to_assoc(st, r, out, true);
            break;
        case Shape::hexists:
            if (r->type == REDIS_REPLY_INTEGER) {
                ZVAL_BOOL(out, r->integer != 0);
                return;
            }
            break;
        case Shape::hmget:
            // The fields are still in the argument list: HMGET key f1 f2 ...
            if (r->type == REDIS_REPLY_ARRAY && r->elements + 2 == st.args.size()) {
                array_init_size(out, static_cast<uint32_t>(r->elements));
                for (size_t i = 0; i < r->elements; i++) {
                    zval value;
                    if (r->element[i]->type == REDIS_REPLY_NIL) {
                        ZVAL_FALSE(&value);
                    } else {
                        reply_value(st, r->element[i], &value);
                    }
                    std::string_view field = st.args.at(i + 2);
                    zend_symtable_str_update(Z_ARRVAL_P(out), field.data(), field.size(), &value);
                }
                return;
            }
            break;
        case Shape::xrange:
        case Shape::xread:
        case Shape::xclaim:
        case Shape::xautoclaim:
        case Shape::xpending:
        case Shape::xinfo:
            ZVAL_UNDEF(out);
            if (stream_shape(st, r, out, shape)) return;
            if (!Z_ISUNDEF_P(out)) zval_ptr_dtor(out);
            break;
        case Shape::generic:
            break;
        }
    }
    reply_value(st, r, out);
}

void arg_add(ClientState &st, zval *value) {
    if (Z_TYPE_P(value) == IS_STRING) {
        st.args.add({Z_STRVAL_P(value), Z_STRLEN_P(value)});
        return;
    }
    zend_string *s = zval_get_string(value);
    st.held.push_back(s);
    st.args.add({ZSTR_VAL(s), ZSTR_LEN(s)});
}

void arg_add_value(ClientState &st, zval *value) {
    if (!st.serialize) return arg_add(st, value);
    smart_str buf = {};
    php_serialize_data_t vars;
    PHP_VAR_SERIALIZE_INIT(vars);
    php_var_serialize(&buf, value, &vars);
    PHP_VAR_SERIALIZE_DESTROY(vars);
    zend_string *s = smart_str_extract(&buf);
    st.held.push_back(s);
    st.args.add({ZSTR_VAL(s), ZSTR_LEN(s)});
}

void arg_add_long(ClientState &st, zend_long n) {
    zend_string *s = zend_long_to_str(n);
    st.held.push_back(s);
    st.args.add({ZSTR_VAL(s), ZSTR_LEN(s)});
}

}  // namespace swoole::mod::redis
