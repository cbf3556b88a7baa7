// The static helpers of Swoole\Process: kill, wait, daemon, setAffinity.
#include "process/php_process.h"

#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "event/fd.h"

namespace swoole::php {

ZEND_METHOD(Process, kill) {
    zend_long pid, signo = SIGTERM;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(pid)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(signo)
    ZEND_PARSE_PARAMETERS_END();
    if (::kill(static_cast<pid_t>(pid), static_cast<int>(signo)) == 0) RETURN_TRUE;
    int err = errno;
    if (!(signo == 0 && err == ESRCH)) {
        php_error_docref(nullptr, E_WARNING, "kill(" ZEND_LONG_FMT ", " ZEND_LONG_FMT ") failed, Error: %s[%d]", pid,
                         signo, strerror(err), err);
    }
    errno = err;
    RETURN_FALSE;
}

ZEND_METHOD(Process, wait) {
    bool blocking = true;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(blocking)
    ZEND_PARSE_PARAMETERS_END();
    int status = 0;
    pid_t pid = ::waitpid(-1, &status, blocking ? 0 : WNOHANG);
    if (pid <= 0) RETURN_FALSE;
    array_init_size(return_value, 3);
    add_assoc_long(return_value, "pid", pid);
    add_assoc_long(return_value, "code", WIFEXITED(status) ? WEXITSTATUS(status) : 0);
    add_assoc_long(return_value, "signal", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

ZEND_METHOD(Process, daemon) {
    bool nochdir = true, noclose = true;
    HashTable *pipes = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 3)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(nochdir)
        Z_PARAM_BOOL(noclose)
        Z_PARAM_ARRAY_HT(pipes)
    ZEND_PARSE_PARAMETERS_END();
    // The descriptors to put over 0, 1, 2 are looked up before detaching.
    int fds[3] = {-1, -1, -1};
    if (pipes) {
        for (int i = 0; i < 3; ++i) {
            zval *entry = zend_hash_index_find(pipes, i);
            if (entry && Z_TYPE_P(entry) != IS_NULL) fds[i] = zval_to_fd(entry);
        }
    }
    fflush(nullptr);
    if (::daemon(nochdir ? 1 : 0, noclose ? 1 : 0) != 0) {
        php_error_docref(nullptr, E_WARNING, "daemon() failed, Error: %s[%d]", strerror(errno), errno);
        RETURN_FALSE;
    }
    for (int i = 0; i < 3; ++i) {
        if (fds[i] >= 0 && fds[i] != i) ::dup2(fds[i], i);
    }
    RETURN_TRUE;
}

ZEND_METHOD(Process, setAffinity) {
    HashTable *cpus;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(cpus)
    ZEND_PARSE_PARAMETERS_END();
    uint32_t count = zend_hash_num_elements(cpus);
    if (count == 0) RETURN_FALSE;
    long ncpu = sysconf(_SC_NPROCESSORS_CONF);
    if (count > static_cast<uint32_t>(ncpu)) {
        php_error_docref(nullptr, E_WARNING, "More than the number of CPU");
        RETURN_FALSE;
    }
    cpu_set_t set;
    CPU_ZERO(&set);
    zval *value;
    ZEND_HASH_FOREACH_VAL(cpus, value) {
        zend_long id = zval_get_long(value);
        if (id < 0 || id >= ncpu) {
            php_error_docref(nullptr, E_WARNING, "invalid cpu id [" ZEND_LONG_FMT "]", id);
            RETURN_FALSE;
        }
        CPU_SET(static_cast<int>(id), &set);
    } ZEND_HASH_FOREACH_END();
    if (sched_setaffinity(getpid(), sizeof set, &set) != 0) {
        php_error_docref(nullptr, E_WARNING, "sched_setaffinity() failed, Error: %s[%d]", strerror(errno), errno);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

}  // namespace swoole::php
