// The lock behind Swoole\Lock: one of the process-shared kinds, living in its
// own shared mapping so that it works across fork(). Every call returns 0 or
// an errno value (EBUSY when a try fails, ETIMEDOUT when lock_for gives up).
//   mutex:    OwnerLock that sleeps on a futex; lock_for is supported.
//   spinlock: OwnerLock that spins and yields.
//   rwlock:   RwLock; the *_shared calls take a read lock.
// For mutex and spinlock the *_shared calls are the exclusive ones.
#pragma once

#include "memory/owner_lock.h"
#include "memory/rw_lock.h"
#include "memory/shared_memory.h"

namespace swoole::kernel {

class SharedLock {
  public:
    enum class Kind : int { rwlock = 1, mutex = 3, spinlock = 5 };

    // False (errno set) when the shared mapping cannot be made.
    bool create(Kind kind);
    bool created() const { return state_ != nullptr; }
    Kind kind() const { return kind_; }

    int lock();
    int try_lock();
    int lock_shared();
    int try_lock_shared();
    int unlock();
    // Only for mutex (the caller checks): 0, or ETIMEDOUT after `seconds`.
    int lock_for(double seconds);

  private:
    union State {
        OwnerLock owner;
        RwLock rw;
    };

    SharedMemory memory_;
    State *state_ = nullptr;
    Kind kind_ = Kind::mutex;
};

}  // namespace swoole::kernel
