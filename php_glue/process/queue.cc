// Swoole\Process's SysV message queue: useQueue, statQueue, freeQueue, push,
// pop. Messages are sent with type id+1; a competitive queue (mode 2) pops any
// type, a targeted one only this process's own id+1.
#include "process/php_process.h"

#include <sys/ipc.h>

#include <cerrno>

extern "C" {
#include "SAPI.h"
}

namespace swoole::php {

namespace {

constexpr int kModeCompetitive = 2;

ProcessState *state_of(zval *self) {
    ProcessState *st = process_of(Z_OBJ_P(self))->state;
    if (UNEXPECTED(!st)) php_error_docref(nullptr, E_ERROR, "you must call Process constructor first");
    return st;
}

long message_type(zval *self) {
    zval rv;
    zval *id = zend_read_property(process_ce, Z_OBJ_P(self), ZEND_STRL("id"), true, &rv);
    zend_long n = id && Z_TYPE_P(id) == IS_LONG ? Z_LVAL_P(id) : 0;
    return static_cast<long>(n < 0 ? 0 : n) + 1;
}

// The key of the script's own queue: ftok(<main script>, 1).
key_t script_key() {
    const char *script = SG(request_info).path_translated;
    if (!script || !*script) script = zend_get_executed_filename();
    return ::ftok(script, 1);
}

}  // namespace

ZEND_METHOD(Process, useQueue) {
    zend_long key = 0, mode = kModeCompetitive, capacity = -1;
    ZEND_PARSE_PARAMETERS_START(0, 3)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(key)
        Z_PARAM_LONG(mode)
        Z_PARAM_LONG(capacity)
    ZEND_PARSE_PARAMETERS_END();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    key_t k = key <= 0 ? script_key() : static_cast<key_t>(key);
    if (k == -1) RETURN_FALSE;
    auto queue = std::make_unique<kernel::MsgQueue>();
    if (!queue->open(k)) RETURN_FALSE;
    queue->set_blocking(!(mode & kIpcNowait));
    if (capacity > 0) queue->set_capacity(static_cast<size_t>(capacity));
    st->queue_targeted = (mode & ~kIpcNowait) != kModeCompetitive;
    zend_update_property_long(process_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("msgQueueId"), queue->id());
    zend_update_property_long(process_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("msgQueueKey"), k);
    st->queue = std::move(queue);
    RETURN_TRUE;
}

ZEND_METHOD(Process, statQueue) {
    ZEND_PARSE_PARAMETERS_NONE();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (!st->queue || !st->queue->is_open()) {
        php_error_docref(nullptr, E_WARNING, "no queue, can't get stats of the queue");
        RETURN_FALSE;
    }
    size_t num = 0, bytes = 0;
    if (!st->queue->stat(num, bytes)) RETURN_FALSE;
    array_init_size(return_value, 2);
    add_assoc_long(return_value, "queue_num", static_cast<zend_long>(num));
    add_assoc_long(return_value, "queue_bytes", static_cast<zend_long>(bytes));
}

ZEND_METHOD(Process, freeQueue) {
    ZEND_PARSE_PARAMETERS_NONE();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (!st->queue || !st->queue->is_open()) RETURN_FALSE;
    RETURN_BOOL(st->queue->destroy());
}

ZEND_METHOD(Process, push) {
    zend_string *data;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(data)
    ZEND_PARSE_PARAMETERS_END();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (!st->queue || !st->queue->is_open()) {
        php_error_docref(nullptr, E_WARNING, "no msgqueue, cannot use push()");
        RETURN_FALSE;
    }
    if (ZSTR_LEN(data) == 0) {
        php_error_docref(nullptr, E_WARNING, "the data to push is empty");
        RETURN_FALSE;
    }
    if (ZSTR_LEN(data) >= kernel::MsgQueue::kMaxMessage) {
        php_error_docref(nullptr, E_WARNING, "the data to push is too big");
        RETURN_FALSE;
    }
    RETURN_BOOL(st->queue->push(message_type(ZEND_THIS), ZSTR_VAL(data), ZSTR_LEN(data)));
}

ZEND_METHOD(Process, pop) {
    zend_long size = kernel::MsgQueue::kMaxMessage;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(size)
    ZEND_PARSE_PARAMETERS_END();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (!st->queue || !st->queue->is_open()) {
        php_error_docref(nullptr, E_WARNING, "no msgqueue, cannot use pop()");
        RETURN_FALSE;
    }
    size_t want = size <= 0 || size > static_cast<zend_long>(kernel::MsgQueue::kMaxMessage)
                      ? kernel::MsgQueue::kMaxMessage
                      : static_cast<size_t>(size);
    zend_string *buf = zend_string_alloc(want, 0);
    long type = st->queue_targeted ? message_type(ZEND_THIS) : 0;
    ssize_t n = st->queue->pop(type, ZSTR_VAL(buf), want);
    if (n < 0) {
        int err = errno;
        zend_string_efree(buf);
        errno = err;
        RETURN_FALSE;
    }
    if (static_cast<size_t>(n) < want / 2) buf = zend_string_truncate(buf, n, 0);
    ZSTR_LEN(buf) = n;
    ZSTR_VAL(buf)[n] = '\0';
    RETURN_NEW_STR(buf);
}

}  // namespace swoole::php
