// Process::signal and Process::alarm: PHP signal handlers run from the
// request's event loop (never in signal context), and interval timers whose
// signals reach those handlers. As in 4.8, handlers alone do not keep the loop
// running: a turn hook stops the loop once nothing but our signal events is
// left on it.
#include "process/php_process.h"

#include <event2/event.h>
#include <sys/time.h>

#include <array>
#include <csignal>
#include <cstring>

#include "aio/child.h"
#include "event/loop.h"

extern "C" {
#include "SAPI.h"
}

namespace swoole::php {

namespace {

constexpr int kMaxSignal = 128;  // signal numbers accepted by the API: 1..127

struct SignalTable {
    std::array<std::unique_ptr<Callable>, kMaxSignal> handlers;
    int count = 0;          // handlers registered on the loop
    uint64_t serial = 0;    // the loop they are on
    int hooks[2] = {-1, -1};
};

SignalTable g_signals;

// Nothing but our own signal events left on the loop.
bool only_signals_left(kernel::Reactor &reactor) {
    event_base *base = reactor.base();
    int added = event_base_get_num_events(base, EVENT_BASE_COUNT_ADDED);
    int busy = event_base_get_num_events(base, EVENT_BASE_COUNT_ACTIVE | EVENT_BASE_COUNT_VIRTUAL);
    return busy == 0 && added <= g_signals.count;
}

void on_turn(void *arg) {
    auto *reactor = static_cast<kernel::Reactor *>(arg);
    if (g_signals.count > 0 && only_signals_left(*reactor)) reactor->stop();
}

void drop_hooks(kernel::Reactor *reactor) {
    for (int &hook : g_signals.hooks) {
        if (reactor && hook >= 0) reactor->remove_turn_hook(hook);
        hook = -1;
    }
}

// A loop that replaced the one our handlers were on took them with it.
void sync() {
    if (g_signals.count == 0 && g_signals.hooks[0] < 0) return;
    if (loop::alive(g_signals.serial)) return;
    process_signals_clear();
}

void on_signal(int signo, void *) {
    if (signo <= 0 || signo >= kMaxSignal || !g_signals.handlers[signo]) return;
    zval arg;
    ZVAL_LONG(&arg, signo);
    loop::invoke(*g_signals.handlers[signo], 1, &arg);
}

bool remove_handler(int signo) {
    std::unique_ptr<Callable> &slot = g_signals.handlers[signo];
    if (!slot) return false;
    if (kernel::Reactor *reactor = loop::existing()) reactor->on_signal(signo, nullptr, nullptr);
    // Released after the loop let go of it: the handler may be running now.
    std::unique_ptr<Callable> old = std::move(slot);
    --g_signals.count;
    if (g_signals.count == 0) drop_hooks(loop::existing());
    return true;
}

// The PHP name of a callable value, for the "not callable" warning.
zend_string *callable_name(zval *value) {
    if (Z_TYPE_P(value) == IS_STRING) return zend_string_copy(Z_STR_P(value));
    return zend_get_callable_name(value);
}

}  // namespace

void process_signals_clear() {
    kernel::Reactor *reactor = loop::alive(g_signals.serial) ? loop::existing() : nullptr;
    drop_hooks(reactor);
    for (int signo = 1; signo < kMaxSignal; ++signo) {
        if (!g_signals.handlers[signo]) continue;
        if (reactor) reactor->on_signal(signo, nullptr, nullptr);
        g_signals.handlers[signo].reset();
    }
    g_signals.count = 0;
}

ZEND_METHOD(Process, signal) {
    zend_long signo;
    zval *handler = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(signo)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL_OR_NULL(handler)
    ZEND_PARSE_PARAMETERS_END();
    if (signo <= 0 || signo >= kMaxSignal) {
        php_error_docref(nullptr, E_WARNING, "invalid signal number [" ZEND_LONG_FMT "]", signo);
        RETURN_FALSE;
    }
    int sig = static_cast<int>(signo);
    sync();
    if (!handler || Z_TYPE_P(handler) == IS_NULL) {
        if (!remove_handler(sig)) {
            php_error_docref(nullptr, E_WARNING, "unable to find the callback of signal [" ZEND_LONG_FMT "]", signo);
            RETURN_FALSE;
        }
        RETURN_TRUE;
    }
    if ((sig == SIGCHLD && kernel::ChildWatcher::watching()) || kernel::signal_waited(sig)) {
        php_error_docref(nullptr, E_WARNING, "signal [" ZEND_LONG_FMT "] processor has been registered by the system",
                         signo);
        RETURN_FALSE;
    }
    if (Z_TYPE_P(handler) == IS_LONG && (Z_LVAL_P(handler) == 0 || Z_LVAL_P(handler) == 1)) {
        // SIG_DFL (0) / SIG_IGN (1): a plain disposition, no loop handler.
        remove_handler(sig);
        if (::signal(sig, Z_LVAL_P(handler) ? SIG_IGN : SIG_DFL) == SIG_ERR) {
            php_error_docref(nullptr, E_WARNING, "invalid signal number [" ZEND_LONG_FMT "]", signo);
            RETURN_FALSE;
        }
        RETURN_TRUE;
    }
    zend_fcall_info fci;
    zend_fcall_info_cache fcc;
    if (zend_fcall_info_init(handler, 0, &fci, &fcc, nullptr, nullptr) != SUCCESS) {
        zend_string *name = callable_name(handler);
        php_error_docref(nullptr, E_WARNING, "function '%s' is not callable", ZSTR_VAL(name));
        zend_string_release(name);
        RETURN_FALSE;
    }
    kernel::Reactor &reactor = loop::get();
    g_signals.serial = reactor.serial();
    auto fn = std::make_unique<Callable>(fci, fcc);
    std::unique_ptr<Callable> &slot = g_signals.handlers[sig];
    bool added = !slot;
    if (added && !reactor.on_signal(sig, on_signal, nullptr)) {
        php_error_docref(nullptr, E_WARNING, "invalid signal number [" ZEND_LONG_FMT "]", signo);
        RETURN_FALSE;
    }
    std::unique_ptr<Callable> old = std::move(slot);  // replaced: released after the swap
    slot = std::move(fn);
    if (added) ++g_signals.count;
    if (g_signals.hooks[0] < 0) {
        g_signals.hooks[0] = reactor.add_turn_hook(on_turn, &reactor, true);
        g_signals.hooks[1] = reactor.add_turn_hook(on_turn, &reactor, false);
    }
    RETURN_TRUE;
}

ZEND_METHOD(Process, alarm) {
    zend_long usec;
    zend_long type = ITIMER_REAL;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(usec)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(type)
    ZEND_PARSE_PARAMETERS_END();
    if (strcmp(sapi_module.name, "cli") != 0) {
        php_error_docref(nullptr, E_ERROR, "cannot use %s::alarm here", ZSTR_VAL(process_ce->name));
        RETURN_FALSE;
    }
    kernel::Reactor *reactor = loop::existing();
    if (reactor && reactor->timer_count() > 0) {
        php_error_docref(nullptr, E_WARNING, "cannot use both 'timer' and 'alarm' at the same time");
        RETURN_FALSE;
    }
    if (type != ITIMER_REAL && type != ITIMER_VIRTUAL && type != ITIMER_PROF) {
        php_error_docref(nullptr, E_WARNING, "invalid alarm type [" ZEND_LONG_FMT "]", type);
        RETURN_FALSE;
    }
    itimerval timer{};
    if (usec > 0) {
        timer.it_value.tv_sec = usec / 1000000;
        timer.it_value.tv_usec = usec % 1000000;
        timer.it_interval = timer.it_value;
    }
    if (::setitimer(static_cast<int>(type), &timer, nullptr) != 0) {
        php_error_docref(nullptr, E_WARNING, "setitimer() failed, Error: %s[%d]", strerror(errno), errno);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

}  // namespace swoole::php
