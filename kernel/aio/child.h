// Waiting for child processes and signals from coroutines without blocking the
// loop. A SIGCHLD event (a libevent signal event on the loop, present only
// while a coroutine waits) triggers non-blocking waitpid() calls; other
// handlers of SIGCHLD keep working, libevent runs every event of a signal.
//
// Children spawned by the kernel on a coroutine's behalf (System::exec) are
// reserved: a wait for "any child" never takes their status, only a wait for
// their pid does, even when the wait for any child reaped them first.
#pragma once

#include <sys/types.h>

#include "coroutine/coroutine.h"

namespace swoole::kernel {

struct ChildExit {
    pid_t pid = 0;
    int code = 0;    // exit status; 0 when killed by a signal
    int signal = 0;  // the terminating signal, 0 for a normal exit
};

class ChildWatcher {
  public:
    // Claims a child that was just spawned.
    static void reserve(pid_t pid);
    // Gives up a reserved child: its status is collected and dropped whenever a
    // later wait or SIGCHLD finds it exited.
    static void abandon(pid_t pid);

    // Parks the current coroutine until child pid exits (pid > 0), or any
    // child that is not reserved (pid == -1). Having no child at all is not an
    // error for pid == -1: the wait lasts until the timeout (timeout <= 0:
    // none). ready: out is filled. timeout / canceled. error: errno ECHILD when
    // pid is not a child of this process, EBUSY when another coroutine already
    // waits for that pid; last_error set.
    static WaitResult wait(pid_t pid, double timeout, ChildExit &out);

    // True while the SIGCHLD event is on a loop (someone waits).
    static bool watching();
};

// Parks the current coroutine until signal signo is delivered (its handler is
// the loop's while waiting), or until the timeout (<= 0: none). error: errno
// EINVAL for a signal that cannot be caught, EBUSY when another coroutine waits
// for it already; last_error set.
WaitResult wait_signal(int signo, double timeout);
// True while a coroutine waits for signo through wait_signal().
bool signal_waited(int signo);

// True when the calling thread's loop has a listener for signo other than the
// waits above (a handler set with Reactor::on_signal, as Process::signal does).
bool signal_has_listener(int signo);

}  // namespace swoole::kernel
