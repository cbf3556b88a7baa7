// SWOOLE_HOOK_BLOCKING_FUNCTION: gethostbyname through the coroutine resolver,
// exec and shell_exec through Co\System::exec (the child's output is read
// with the coroutine parked). Return values are those of PHP's functions.
// Outside a coroutine, and for the argument errors PHP reports itself, the
// original functions run.
#include <signal.h>

#include <cctype>
#include <cstring>

#include "aio/child.h"
#include "coroutine/php_coroutine.h"
#include "runtime/function_hook.h"
#include "runtime/runtime.h"

extern "C" {
#include "zend_interfaces.h"
}

namespace swoole::php::runtime {
namespace {

constexpr size_t kMaxHostName = 255;  // PHP's MAXFQDNLEN

enum HookIndex { kGethostbyname, kExec, kShellExec };
ZEND_FUNCTION(swoole_hook_gethostbyname);
ZEND_FUNCTION(swoole_hook_exec);
ZEND_FUNCTION(swoole_hook_shell_exec);

FunctionHook g_hooks[] = {
    {"gethostbyname", ZEND_FN(swoole_hook_gethostbyname)},
    {"exec", ZEND_FN(swoole_hook_exec)},
    {"shell_exec", ZEND_FN(swoole_hook_shell_exec)},
};

zend_class_entry *system_class() {
    static zend_class_entry *ce = nullptr;
    if (!ce) ce = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\coroutine\\system")));
    return ce;
}

// Co\System::<method>(arg) into retval.
void call_system(const char *method, size_t len, zend_string *arg, zval *retval) {
    zval param;
    ZVAL_STR(&param, arg);
    zend_call_method(nullptr, system_class(), nullptr, method, len, retval, 1, &param, nullptr);
}

// A command PHP's exec family rejects (empty, NUL bytes) is left to it.
bool runnable(zend_string *cmd) { return ZSTR_LEN(cmd) > 0 && strlen(ZSTR_VAL(cmd)) == ZSTR_LEN(cmd); }

// Runs cmd with Co\System::exec: the output and PHP's status code (the exit
// code, or the raw status after a signal), false when it could not run.
bool run_command(zend_string *cmd, zend_string **output, zend_long *status) {
    zval result;
    call_system(ZEND_STRL("exec"), cmd, &result);
    if (Z_TYPE(result) != IS_ARRAY) {
        zval_ptr_dtor(&result);
        return false;
    }
    zval *out = zend_hash_str_find(Z_ARRVAL(result), ZEND_STRL("output"));
    zval *code = zend_hash_str_find(Z_ARRVAL(result), ZEND_STRL("code"));
    zval *signal = zend_hash_str_find(Z_ARRVAL(result), ZEND_STRL("signal"));
    zend_long signo = signal ? zval_get_long(signal) : 0;
    *status = signo ? signo : (code ? zval_get_long(code) : 0);
    *output = out && Z_TYPE_P(out) == IS_STRING ? zend_string_copy(Z_STR_P(out)) : ZSTR_EMPTY_ALLOC();
    zval_ptr_dtor(&result);
    return true;
}

bool can_spawn_here() { return PhpCoroutine::inside() && !kernel::signal_has_listener(SIGCHLD); }

size_t rstrip(const char *s, size_t n) {
    while (n > 0 && isspace(static_cast<unsigned char>(s[n - 1]))) --n;
    return n;
}

ZEND_FUNCTION(swoole_hook_gethostbyname) {
    zend_string *name;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_PATH_STR(name)
    ZEND_PARSE_PARAMETERS_END();
    if (!PhpCoroutine::inside() || ZSTR_LEN(name) == 0 || ZSTR_LEN(name) > kMaxHostName) {
        return call_original(g_hooks[kGethostbyname], INTERNAL_FUNCTION_PARAM_PASSTHRU);
    }
    zval result;
    call_system(ZEND_STRL("gethostbyname"), name, &result);
    if (Z_TYPE(result) == IS_STRING) {
        RETURN_COPY_VALUE(&result);
    }
    zval_ptr_dtor(&result);
    // As PHP: an unresolvable name comes back unchanged.
    RETURN_STR_COPY(name);
}

ZEND_FUNCTION(swoole_hook_exec) {
    zend_string *cmd;
    zval *lines = nullptr, *result_code = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 3)
    Z_PARAM_STR(cmd)
    Z_PARAM_OPTIONAL
    Z_PARAM_ZVAL(lines)
    Z_PARAM_ZVAL(result_code)
    ZEND_PARSE_PARAMETERS_END();
    if (!can_spawn_here() || !runnable(cmd)) return call_original(g_hooks[kExec], INTERNAL_FUNCTION_PARAM_PASSTHRU);
    if (lines) {
        // As PHP: appends to an array, replaces anything else.
        if (Z_TYPE_P(Z_REFVAL_P(lines)) == IS_ARRAY) {
            ZVAL_DEREF(lines);
            SEPARATE_ARRAY(lines);
        } else if (!(lines = zend_try_array_init(lines))) {
            RETURN_THROWS();
        }
    }
    zend_string *output;
    zend_long status;
    if (!run_command(cmd, &output, &status)) RETURN_FALSE;
    const char *p = ZSTR_VAL(output), *end = p + ZSTR_LEN(output);
    const char *last = p;
    size_t last_len = 0;
    while (p < end) {
        const char *nl = static_cast<const char *>(memchr(p, '\n', end - p));
        const char *next = nl ? nl + 1 : end;
        size_t len = rstrip(p, next - p);
        if (lines) add_next_index_stringl(lines, p, len);
        last = p;
        last_len = len;
        p = next;
    }
    RETVAL_STRINGL(last, last_len);
    zend_string_release(output);
    if (result_code) ZEND_TRY_ASSIGN_REF_LONG(result_code, status);
}

ZEND_FUNCTION(swoole_hook_shell_exec) {
    zend_string *cmd;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(cmd)
    ZEND_PARSE_PARAMETERS_END();
    if (!can_spawn_here() || !runnable(cmd)) {
        return call_original(g_hooks[kShellExec], INTERNAL_FUNCTION_PARAM_PASSTHRU);
    }
    zend_string *output;
    zend_long status;
    if (!run_command(cmd, &output, &status)) RETURN_FALSE;
    // As PHP: null when the command printed nothing.
    if (ZSTR_LEN(output) == 0) {
        zend_string_release(output);
        RETURN_NULL();
    }
    RETURN_STR(output);
}

}  // namespace

void install_blocking_hooks(bool on) { set_function_hooks(g_hooks, std::size(g_hooks), on); }

}  // namespace swoole::php::runtime
