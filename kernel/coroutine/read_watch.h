// A persistent read interest for one fd that coroutines wait on again and
// again (a coroutine socket): the libevent event is added on the first wait
// and stays added while the fd keeps being read, so a request/response turn
// costs no epoll_ctl; a wait only parks and the event only resumes.
//
// Level-triggered, so readiness is never lost. Two rules keep an armed event
// from costing anything when nobody reads:
//  - readiness reported while no coroutine waits removes the event (else the
//    loop would spin on unread bytes);
//  - a watch whose waiter returned is looked at again at the start of the
//    next loop turn (one deferred call per turn for all watches): still
//    nobody waiting, the event is removed, so an idle socket never keeps
//    Reactor::run() alive.
// disarm() before the fd is closed or handed away. One waiter at a time:
// busy() tells a second one to use Coroutine::wait_fd instead.
#pragma once

#include <cstddef>
#include <cstdint>

#include "coroutine/coroutine.h"

namespace swoole::kernel {

class ReadWatch {
  public:
    ReadWatch() = default;
    ~ReadWatch();
    ReadWatch(const ReadWatch &) = delete;
    ReadWatch &operator=(const ReadWatch &) = delete;

    // Parks the current coroutine until fd is readable, timeout seconds pass
    // (< 0: no limit) or it is canceled. Errors as Coroutine::wait_fd.
    WaitResult wait(int fd, double timeout);
    bool busy() const { return parking_ != nullptr; }
    bool armed() const { return armed_; }
    // Removes the event (nothing when not armed); the fd may then be closed.
    void disarm();

  private:
    struct Parking;
    static void on_ready(int fd, short what, void *arg);
    static void sweep(void *arg);
    void link();
    void unlink();
    void *event();

    alignas(8) unsigned char event_[128];  // a libevent `struct event`
    Parking *parking_ = nullptr;
    uint64_t reactor_serial_ = 0;  // the loop the event belongs to
    int fd_ = -1;
    bool armed_ = false;
    // On the thread's list of watches to look at next turn.
    ReadWatch *prev_ = nullptr;
    ReadWatch *next_ = nullptr;
    bool linked_ = false;
};

}  // namespace swoole::kernel
