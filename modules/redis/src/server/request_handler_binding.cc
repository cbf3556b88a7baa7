#include "server/request_handler.h"

#include <cstring>

#include <swoole/sdk.hpp>

#include "server/command_frame.h"
#include "server/handler_table.h"
#include "server/session_turns.h"

namespace swoole::mod::redis {

namespace {

// Requests of one connection answer in arrival order (session_turns.h).
SessionTurns g_turns;

void send_unknown_command(void *server, int64_t session, std::string_view name) {
    constexpr std::string_view head = "-ERR unknown command '", tail = "'\r\n";
    char reply[head.size() + kCommandNameLimit + tail.size()];
    size_t n = 0;
    for (std::string_view part : {head, name, tail}) {
        std::memcpy(reply + n, part.data(), part.size());
        n += part.size();
    }
    sdk::Host::api().server_send(server, session, reply, n);
}

// Called here rather than through the host's server_call, which drops the
// return value: a returned string is the reply (4.8 sent it only without
// enable_coroutine; here in both modes). An exception is left pending, as
// server_call leaves it: it becomes the worker's uncaught-exception fatal.
void call_handler(void *server, int64_t session, zval *handler, zval *argv, std::string_view name) {
    zval retval;
    ZVAL_UNDEF(&retval);
    zend_fcall_info fci;
    zend_fcall_info_cache fcc;
    bool called = zend_fcall_info_init(handler, 0, &fci, &fcc, nullptr, nullptr) == SUCCESS;
    if (called) {
        fci.retval = &retval;
        fci.params = argv;
        fci.param_count = 2;
        called = zend_call_function(&fci, &fcc) == SUCCESS && !Z_ISUNDEF(retval);
    }
    if (!called && !EG(exception)) {
        php_error_docref(nullptr, E_WARNING, "Swoole\\Redis\\Server->onRequest with command '%.*s' handler error",
                         static_cast<int>(name.size()), name.data());
    }
    if (!EG(exception) && Z_TYPE(retval) == IS_STRING) {
        sdk::Host::api().server_send(server, session, Z_STRVAL(retval), Z_STRLEN(retval));
    }
    zval_ptr_dtor(&retval);
}

}  // namespace

void on_redis_request(void *, void *server, const sw_server_request *request) {
    FrameReader frame;
    std::string_view word;
    if (!frame.open({request->data, request->length}) || !frame.next(word) || word.size() >= kCommandNameLimit) {
        sdk::log(SW_LOG_WARNING, "Swoole\\Redis\\Server: malformed request frame");
        return;
    }
    // Everything the request needs is copied out of the frame first: its
    // bytes are gone once this coroutine waits.
    char name[kCommandNameLimit];
    const std::string_view command(name, word.size());
    std::memcpy(name, word.data(), word.size());
    const int64_t session = request->session;
    zval handler, argv[2];
    ZVAL_UNDEF(&handler);
    if (zval *found = handler_find(command)) {
        ZVAL_COPY(&handler, found);  // the table may change while we wait
        ZVAL_LONG(&argv[0], session);
        array_init_size(&argv[1], frame.argc() - 1);
        while (frame.next(word)) add_next_index_stringl(&argv[1], word.data(), word.size());
    }

    const bool in_coroutine = sdk::coroutine::inside();
    if (!in_coroutine || g_turns.acquire(session)) {
        if (Z_ISUNDEF(handler)) {
            send_unknown_command(server, session, command);
        } else {
            call_handler(server, session, &handler, argv, command);
        }
        if (in_coroutine) g_turns.release(session);
    }
    if (!Z_ISUNDEF(handler)) {
        zval_ptr_dtor(&argv[1]);
        zval_ptr_dtor(&handler);
    }
}

}  // namespace swoole::mod::redis
