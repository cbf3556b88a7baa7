// Swoole\Server::sendMessage() and onPipeMessage (spec server.md §3, §7): a
// PHP value from any process of the server to an event or task worker; the
// kernel side is worker_message.h.
#include "server/server_task.h"

#include "server/event_objects.h"
#include "server/worker_message.h"

namespace swoole::php {

namespace {

void on_pipe_message(void *ctx, kernel::Server &, int src_worker_id, uint32_t flags, double dispatch_time,
                     std::string_view data) {
    auto &st = *static_cast<ServerState *>(ctx);
    Callable *fn = st.callbacks[static_cast<int>(ServerEvent::pipe_message)].get();
    if (!fn) return;
    zval message;
    unpack_value(data, flags, &message);
    if (event_object_enabled(st)) {
        zval args[2];
        ZVAL_COPY_VALUE(&args[0], &st.self);
        make_pipe_message_object(&args[1], src_worker_id, dispatch_time, &message);
        zval_ptr_dtor(&message);
        dispatch_event(st, fn, 2, args);
        zval_ptr_dtor(&args[1]);
        return;
    }
    zval args[3];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_LONG(&args[1], src_worker_id);
    ZVAL_COPY_VALUE(&args[2], &message);
    dispatch_event(st, fn, 3, args);
    zval_ptr_dtor(&args[2]);
}

}  // namespace

void attach_message_events(kernel::ServerEvents &events) { events.on_pipe_message = on_pipe_message; }

ZEND_METHOD(Server, sendMessage) {
    zval *message;
    zend_long dst;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_ZVAL(message)
        Z_PARAM_LONG(dst)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    if (!st->callbacks[static_cast<int>(ServerEvent::pipe_message)]) {
        php_error_docref(nullptr, E_WARNING, "onPipeMessage is null, can't use sendMessage");
        RETURN_FALSE;
    }
    kernel::Server &server = *st->server;
    int self = server.worker_id();
    int event_num = server.settings.worker_num, task_num = server.settings.task.worker_num;
    int target = dst < 0 || dst > INT32_MAX ? -1 : static_cast<int>(dst);
    switch (kernel::check_message_target(self, target, event_num, task_num)) {
    case kernel::MessageTarget::invalid:
        php_error_docref(nullptr, E_WARNING, "worker_id[" ZEND_LONG_FMT "] is invalid", dst);
        RETURN_FALSE;
    case kernel::MessageTarget::self:
        php_error_docref(nullptr, E_WARNING, "can't send messages to self");
        RETURN_FALSE;
    case kernel::MessageTarget::ok:
        break;
    }
    PackedValue packed;
    if (!packed.pack(message)) RETURN_FALSE;
    RETURN_BOOL(server.task_ipc().send_message(target, packed.view(), packed.flags()));
}

namespace {
ZEND_BEGIN_ARG_INFO_EX(arginfo_send_message, 0, 0, 2)
    ZEND_ARG_TYPE_INFO(0, message, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO(0, dstWorkerId, IS_LONG, 0)
ZEND_END_ARG_INFO()
}  // namespace

const zend_function_entry server_message_methods[] = {
    ZEND_ME(Server, sendMessage, arginfo_send_message, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

}  // namespace swoole::php
