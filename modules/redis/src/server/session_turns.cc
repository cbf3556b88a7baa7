#include "server/session_turns.h"

#include <swoole/sdk.hpp>

namespace swoole::mod::redis {

SessionTurns::Busy *SessionTurns::find(int64_t session) {
    for (Busy &b : busy_) {
        if (b.session == session) return &b;
    }
    return nullptr;
}

bool SessionTurns::acquire(int64_t session) {
    Busy *b = find(session);
    if (!b) {
        busy_.push_back(Busy{session, nullptr, nullptr});
        return true;
    }
    Waiter me{sdk::coroutine::id(), nullptr};
    if (b->tail) {
        b->tail->next = &me;
    } else {
        b->head = &me;
    }
    b->tail = &me;
    if (sdk::coroutine::park() == sdk::Wait::ready) return true;  // the turn was handed over
    // Canceled: leave the queue (the vector may have moved meanwhile).
    b = find(session);
    Waiter **link = &b->head;
    Waiter *prev = nullptr;
    while (*link && *link != &me) {
        prev = *link;
        link = &(*link)->next;
    }
    if (*link) {
        *link = me.next;
        if (b->tail == &me) b->tail = prev;
    }
    return false;
}

void SessionTurns::release(int64_t session) {
    Busy *b = find(session);
    if (!b) return;
    while (Waiter *next = b->head) {
        b->head = next->next;
        if (!b->head) b->tail = nullptr;
        if (sdk::coroutine::wake(next->cid)) return;  // it owns the turn now
        // Not parked any more (canceled): the next one gets the turn.
    }
    *b = busy_.back();
    busy_.pop_back();
}

}  // namespace swoole::mod::redis
