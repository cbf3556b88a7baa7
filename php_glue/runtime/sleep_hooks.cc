// SWOOLE_HOOK_SLEEP: sleep, usleep, time_nanosleep and time_sleep_until park
// only the calling coroutine (a timer on the loop); outside a coroutine they
// sleep the process as PHP's do. Argument checks follow 4.8's hooked versions
// (warnings and false instead of PHP 8's ValueError).
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>

#include "coroutine/php_coroutine.h"
#include "runtime/function_hook.h"
#include "runtime/runtime.h"

namespace swoole::php::runtime {
namespace {

// Below a millisecond the loop's timers cannot help: sleep in place.
constexpr double kMinTimer = 0.001;

bool coroutine_sleep(double seconds) {
    if (!PhpCoroutine::inside() || seconds < kMinTimer) return false;
    kernel::Coroutine::sleep(seconds);
    return true;
}

// A real nanosleep; on EINTR, the remaining time stays in rem.
int process_sleep(double seconds, timespec *rem) {
    timespec req;
    req.tv_sec = static_cast<time_t>(seconds);
    req.tv_nsec = static_cast<long>((seconds - static_cast<double>(req.tv_sec)) * 1e9);
    if (req.tv_nsec >= 1000000000L) req.tv_nsec = 999999999L;
    return nanosleep(&req, rem);
}

ZEND_FUNCTION(swoole_hook_sleep) {
    zend_long seconds;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_LONG(seconds)
    ZEND_PARSE_PARAMETERS_END();
    if (seconds < 0) {
        php_error_docref(nullptr, E_WARNING, "Number of seconds must be greater than or equal to 0");
        RETURN_FALSE;
    }
    if (PhpCoroutine::inside()) {
        // Cut short by Co::cancel(): the seconds not slept, as a signal would.
        if (seconds > 0 && kernel::Coroutine::sleep(static_cast<double>(seconds)) == kernel::WaitResult::canceled) {
            RETURN_LONG(seconds);
        }
        RETURN_LONG(0);
    }
    // As PHP: the seconds left when a signal cut the sleep short.
    RETURN_LONG(static_cast<zend_long>(::sleep(static_cast<unsigned>(seconds))));
}

ZEND_FUNCTION(swoole_hook_usleep) {
    zend_long micros;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_LONG(micros)
    ZEND_PARSE_PARAMETERS_END();
    if (micros < 0) {
        // usleep() is declared void: the warning is the whole answer.
        php_error_docref(nullptr, E_WARNING, "Number of seconds must be greater than or equal to 0");
        return;
    }
    double seconds = static_cast<double>(micros) / 1e6;
    if (!coroutine_sleep(seconds)) ::usleep(static_cast<useconds_t>(micros));
}

ZEND_FUNCTION(swoole_hook_time_nanosleep) {
    zend_long sec, nsec;
    ZEND_PARSE_PARAMETERS_START(2, 2)
    Z_PARAM_LONG(sec)
    Z_PARAM_LONG(nsec)
    ZEND_PARSE_PARAMETERS_END();
    if (sec < 0) {
        php_error_docref(nullptr, E_WARNING, "The seconds value must be greater than 0");
        RETURN_FALSE;
    }
    if (nsec < 0) {
        php_error_docref(nullptr, E_WARNING, "The nanoseconds value must be greater than 0");
        RETURN_FALSE;
    }
    double seconds = static_cast<double>(sec) + static_cast<double>(nsec) / 1e9;
    if (coroutine_sleep(seconds)) RETURN_TRUE;
    timespec req{static_cast<time_t>(sec), static_cast<long>(nsec)}, rem{};
    if (nanosleep(&req, &rem) == 0) RETURN_TRUE;
    if (errno == EINTR) {
        array_init(return_value);
        add_assoc_long_ex(return_value, "seconds", sizeof("seconds") - 1, rem.tv_sec);
        add_assoc_long_ex(return_value, "nanoseconds", sizeof("nanoseconds") - 1, rem.tv_nsec);
        return;
    }
    if (errno == EINVAL) {
        zend_value_error("Nanoseconds was not in the range 0 to 999 999 999 or seconds was negative");
        RETURN_THROWS();
    }
    RETURN_FALSE;
}

ZEND_FUNCTION(swoole_hook_time_sleep_until) {
    double target;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_DOUBLE(target)
    ZEND_PARSE_PARAMETERS_END();
    timeval now;
    gettimeofday(&now, nullptr);
    double left = target - static_cast<double>(now.tv_sec) - static_cast<double>(now.tv_usec) / 1e6;
    if (left < 0) {
        php_error_docref(nullptr, E_WARNING, "Sleep until to time is less than current time");
        RETURN_FALSE;
    }
    if (coroutine_sleep(left)) RETURN_TRUE;
    timespec rem{};
    while (process_sleep(left, &rem) != 0 && errno == EINTR) {
        left = static_cast<double>(rem.tv_sec) + static_cast<double>(rem.tv_nsec) / 1e9;
    }
    RETURN_TRUE;
}

FunctionHook g_hooks[] = {
    {"sleep", ZEND_FN(swoole_hook_sleep)},
    {"usleep", ZEND_FN(swoole_hook_usleep)},
    {"time_nanosleep", ZEND_FN(swoole_hook_time_nanosleep)},
    {"time_sleep_until", ZEND_FN(swoole_hook_time_sleep_until)},
};

}  // namespace

void install_sleep_hooks(bool on) { set_function_hooks(g_hooks, std::size(g_hooks), on); }

}  // namespace swoole::php::runtime
