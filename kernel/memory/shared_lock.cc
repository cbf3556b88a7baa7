#include "memory/shared_lock.h"

#include <cerrno>
#include <new>

namespace swoole::kernel {

bool SharedLock::create(Kind kind) {
    if (!memory_.allocate(sizeof(State))) return false;
    kind_ = kind;
    state_ = static_cast<State *>(memory_.data());
    if (kind == Kind::rwlock) {
        new (&state_->rw) RwLock();
    } else {
        new (&state_->owner) OwnerLock();
    }
    return true;
}

int SharedLock::lock() {
    switch (kind_) {
    case Kind::rwlock: state_->rw.lock(); break;
    case Kind::mutex: state_->owner.lock(OwnerLock::Wait::sleep); break;
    case Kind::spinlock: state_->owner.lock(OwnerLock::Wait::spin); break;
    }
    return 0;
}

int SharedLock::try_lock() {
    bool ok = kind_ == Kind::rwlock ? state_->rw.try_lock() : state_->owner.try_lock();
    return ok ? 0 : EBUSY;
}

int SharedLock::lock_shared() {
    if (kind_ != Kind::rwlock) return lock();
    state_->rw.lock_shared();
    return 0;
}

int SharedLock::try_lock_shared() {
    if (kind_ != Kind::rwlock) return try_lock();
    return state_->rw.try_lock_shared() ? 0 : EBUSY;
}

int SharedLock::unlock() {
    if (kind_ == Kind::rwlock) {
        state_->rw.unlock();
    } else {
        state_->owner.unlock();
    }
    return 0;
}

int SharedLock::lock_for(double seconds) {
    return state_->owner.lock_for(seconds, OwnerLock::Wait::sleep) ? 0 : ETIMEDOUT;
}

}  // namespace swoole::kernel
