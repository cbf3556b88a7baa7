// Keeps the replies of one connection in request order when handlers yield.
// With enable_coroutine each request runs in a coroutine of its own, so a
// handler that waits (a database call, a sleep) would let the next pipelined
// request of the same connection answer first, and a Redis client pairs
// replies with requests by order alone. A request therefore waits for its
// turn: the first of a session runs, later ones park in arrival order, and
// each finishing request wakes the next.
//
// Waiters are nodes on the waiting coroutines' own stacks, and the busy list
// is a vector that keeps its capacity: no allocation per request. Only
// sessions with a request in flight are listed, so it stays short.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace swoole::mod::redis {

class SessionTurns {
  public:
    // Waits (parks the calling coroutine) until no earlier request of the
    // session is running. false: the wait was canceled; the caller must not
    // run the request nor call release().
    bool acquire(int64_t session);
    // The running request of the session is done: wakes the next one.
    void release(int64_t session);
    size_t busy_sessions() const { return busy_.size(); }

  private:
    struct Waiter {
        int64_t cid;
        Waiter *next;
    };
    struct Busy {
        int64_t session;
        Waiter *head;  // FIFO of parked requests
        Waiter *tail;
    };
    Busy *find(int64_t session);
    std::vector<Busy> busy_;
};

}  // namespace swoole::mod::redis
