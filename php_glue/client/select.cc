// swoole_client_select() / swoole_select(): poll(2) over Swoole\Client
// objects, PHP streams and ext-sockets \Socket objects; each array given is
// reduced to its ready elements, keys preserved. Blocks the process.
#include "client/php_client.h"

#include <poll.h>

#include <cmath>
#include <vector>

namespace swoole::php {

namespace {

// The fd behind one array element (-1: none); buffered: a client already
// holds received bytes (readable without waiting).
int element_fd(zval *item, bool *buffered) {
    *buffered = false;
    ZVAL_DEREF(item);
    if (Z_TYPE_P(item) == IS_OBJECT) {
        zend_object *obj = Z_OBJ_P(item);
        if (instanceof_function(obj->ce, sync_client_ce)) return sync_client_fd(obj, buffered);
        return ext_socket_fd(obj);
    }
    if (Z_TYPE_P(item) == IS_RESOURCE) {
        php_stream *stream = static_cast<php_stream *>(
            zend_fetch_resource2_ex(item, nullptr, php_file_le_stream(), php_file_le_pstream()));
        if (!stream) return -1;
        int fd = -1;
        if (php_stream_cast(stream, PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL,
                            reinterpret_cast<void **>(&fd), 1) != SUCCESS) {
            return -1;
        }
        return int(fd);
    }
    return -1;
}

struct Watched {
    int set;     // 0 read, 1 write, 2 except
    zval *item;  // element of the caller's array
    zend_ulong index;
    zend_string *key;
    size_t poll_index;  // into the pollfd array; SIZE_MAX: ready already
};

const short kEvents[3] = {POLLIN, POLLOUT, POLLPRI};

PHP_FUNCTION(swoole_client_select) {
    zval *sets[3] = {nullptr, nullptr, nullptr};
    double timeout = 0.5;
    ZEND_PARSE_PARAMETERS_START(3, 4)
        Z_PARAM_ZVAL(sets[0])
        Z_PARAM_ZVAL(sets[1])
        Z_PARAM_ZVAL(sets[2])
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();

    std::vector<Watched> watched;
    std::vector<pollfd> fds;
    bool any = false, immediate = false;
    for (int s = 0; s < 3; ++s) {
        zval *arr = sets[s];
        ZVAL_DEREF(arr);
        if (Z_TYPE_P(arr) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(arr)) == 0) continue;
        any = true;
        zend_ulong index;
        zend_string *key;
        zval *item;
        ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(arr), index, key, item) {
            bool buffered;
            int fd = element_fd(item, &buffered);
            if (fd < 0) continue;
            Watched w{s, item, index, key, SIZE_MAX};
            if (buffered && s == 0) {
                immediate = true;
            } else {
                w.poll_index = fds.size();
                fds.push_back(pollfd{fd, kEvents[s], 0});
            }
            watched.push_back(w);
        }
        ZEND_HASH_FOREACH_END();
    }
    if (!any) {
        php_error_docref(nullptr, E_WARNING, "no resource arrays were passed to select");
        RETURN_FALSE;
    }
    int wait_ms = immediate ? 0 : timeout < 0 ? -1 : int(std::lround(timeout * 1000));
    int n;
    do {
        n = ::poll(fds.data(), fds.size(), wait_ms);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        php_error_docref(nullptr, E_WARNING, "unable to select, Error: %s[%d]", strerror(errno), errno);
        RETURN_FALSE;
    }

    zval ready[3];
    for (int s = 0; s < 3; ++s) array_init(&ready[s]);
    zend_long count = 0;
    for (const Watched &w : watched) {
        bool on = w.poll_index == SIZE_MAX;
        if (!on) {
            short got = fds[w.poll_index].revents;
            // An error or hang-up makes a read or write return at once: ready.
            on = (got & kEvents[w.set]) || (w.set != 2 && (got & (POLLERR | POLLHUP)));
        }
        if (!on) continue;
        Z_TRY_ADDREF_P(w.item);
        if (w.key) {
            zend_hash_update(Z_ARRVAL(ready[w.set]), w.key, w.item);
        } else {
            zend_hash_index_update(Z_ARRVAL(ready[w.set]), w.index, w.item);
        }
        ++count;
    }
    for (int s = 0; s < 3; ++s) {
        zval *arr = sets[s];
        zval *target = arr;
        ZVAL_DEREF(arr);
        if (Z_TYPE_P(arr) == IS_ARRAY) {
            ZEND_TRY_ASSIGN_REF_ARR(target, Z_ARR(ready[s]));
        } else {
            zval_ptr_dtor(&ready[s]);
        }
    }
    RETURN_LONG(count);
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_select, 0, 3, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(1, read_array, IS_ARRAY, 1)
    ZEND_ARG_TYPE_INFO(1, write_array, IS_ARRAY, 1)
    ZEND_ARG_TYPE_INFO(1, error_array, IS_ARRAY, 1)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0.5")
ZEND_END_ARG_INFO()

const zend_function_entry select_functions[] = {
    ZEND_NAMED_FE(swoole_client_select, ZEND_FN(swoole_client_select), arginfo_select)
    ZEND_NAMED_FE(swoole_select, ZEND_FN(swoole_client_select), arginfo_select)
    ZEND_FE_END
};

}  // namespace

void register_client_select() { zend_register_functions(nullptr, select_functions, nullptr, MODULE_PERSISTENT); }

}  // namespace swoole::php
