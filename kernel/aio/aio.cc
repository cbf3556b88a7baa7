#include "aio/aio.h"

#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "base/error.h"
#include "reactor/reactor.h"

namespace swoole::kernel {

namespace {

struct Task {
    Aio::Work work;
    int64_t cid = -1;  // the parked coroutine; -1 once it stopped waiting
    bool done = false;
    bool timed_out = false;
};

// What the owner thread shares with its workers (under mu).
struct Shared {
    std::mutex mu;
    std::condition_variable cv;
    std::deque<Task *> queue;
    std::vector<Task *> finished;
    size_t idle = 0;
    size_t busy = 0;
    bool stopping = false;
    int efd = -1;
};

// Worker threads run code of this object file; when it is part of a shared
// object that the host may unload (PHP unloads extensions at shutdown), a
// worker still inside a long call (getaddrinfo) must not return into unmapped
// code. Starting a worker therefore pins the object for the process lifetime.
void pin_own_object() {
    static bool pinned = false;
    if (pinned) return;
    pinned = true;
    Dl_info info;
    if (dladdr(reinterpret_cast<void *>(&pin_own_object), &info) && info.dli_fname) {
        dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
    }
}

void *worker_main(void *arg) {
    auto *shared = static_cast<Shared *>(arg);
    std::unique_lock<std::mutex> lock(shared->mu);
    for (;;) {
        while (shared->queue.empty() && !shared->stopping) {
            ++shared->idle;
            shared->cv.wait(lock);
            --shared->idle;
        }
        if (shared->queue.empty()) break;  // stopping with nothing left
        Task *task = shared->queue.front();
        shared->queue.pop_front();
        ++shared->busy;
        lock.unlock();
        task->work();
        lock.lock();
        --shared->busy;
        shared->finished.push_back(task);
        uint64_t one = 1;
        ssize_t n = ::write(shared->efd, &one, sizeof one);
        (void)n;  // EAGAIN only when the counter is saturated: it is readable anyway
    }
    return nullptr;
}

// The calling thread's pool.
struct Pool {
    Shared *shared = nullptr;
    pid_t pid = 0;
    std::vector<pthread_t> threads;
    size_t max_workers = 8;
    size_t pending = 0;              // submitted, completion not yet handled here
    Reactor *registered = nullptr;   // the loop the eventfd is registered with
    uint64_t registered_serial = 0;  // and its serial: a loop at the same address may be a new one

    ~Pool() { shutdown(); }

    // A forked child inherits the pool's memory but none of its threads.
    void check_fork() {
        if (pid == ::getpid() || !shared) return;
        if (shared->efd >= 0) ::close(shared->efd);  // the parent's object stays the parent's
        shared = nullptr;  // its mutex may have been held by a thread of the parent
        threads.clear();
        pending = 0;
        registered = nullptr;
    }

    bool ensure_shared() {
        check_fork();
        if (shared) return true;
        int efd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (efd < 0) return false;
        shared = new Shared;
        shared->efd = efd;
        pid = ::getpid();
        return true;
    }

    void spawn_locked() {
        pin_own_object();
        // Workers take no signals: handlers belong to the loop thread.
        sigset_t all, old;
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &old);
        pthread_t tid;
        if (pthread_create(&tid, nullptr, worker_main, shared) == 0) threads.push_back(tid);
        pthread_sigmask(SIG_SETMASK, &old, nullptr);
    }

    void shutdown() {
        if (!shared || pid != ::getpid()) return;
        bool in_flight;
        {
            std::lock_guard<std::mutex> lock(shared->mu);
            shared->stopping = true;
            in_flight = shared->busy > 0 || !shared->queue.empty();
        }
        shared->cv.notify_all();
        if (in_flight) {
            // A worker is stuck in a long call: let it finish on its own and
            // leave the shared state to it.
            for (pthread_t t : threads) pthread_detach(t);
        } else {
            for (pthread_t t : threads) pthread_join(t, nullptr);
            for (Task *t : shared->finished) delete t;
            ::close(shared->efd);
            delete shared;
        }
        shared = nullptr;
        threads.clear();
    }
};

Pool &pool() {
    thread_local Pool p;
    return p;
}

void unregister_if_idle(Pool &p) {
    if (p.pending == 0 && p.registered) {
        p.registered->remove(p.shared->efd);
        p.registered = nullptr;
    }
}

void on_completion(int fd, int, void *arg) {
    auto *p = static_cast<Pool *>(arg);
    uint64_t count;
    ssize_t n = ::read(fd, &count, sizeof count);
    (void)n;
    std::vector<Task *> done;
    {
        std::lock_guard<std::mutex> lock(p->shared->mu);
        done.swap(p->shared->finished);
    }
    for (Task *task : done) {
        if (p->pending) --p->pending;
        if (task->cid >= 0) {
            task->done = true;
            // The coroutine frees the task; it may submit more work meanwhile.
            Coroutine::wake(task->cid);
        } else {
            delete task;  // abandoned after a timeout or cancel: destroy on this thread
        }
    }
    unregister_if_idle(*p);
}

void on_timeout(TimerId, void *arg) {
    auto *task = static_cast<Task *>(arg);
    task->timed_out = true;
    Coroutine::wake(task->cid);
}

}  // namespace

WaitResult Aio::run(Work work, double timeout) {
    Coroutine *co = Coroutine::current();
    if (!co) {
        set_last_error(SW_ERROR_CO_OUT_OF_COROUTINE);
        return WaitResult::error;
    }
    Reactor *reactor = Reactor::current();
    if (!reactor) {
        set_last_error(SW_ERROR_WRONG_OPERATION);
        return WaitResult::error;
    }
    Pool &p = pool();
    if (!p.ensure_shared()) {
        set_last_error(errno);
        return WaitResult::error;
    }
    if (p.registered && (p.registered != reactor || p.registered_serial != reactor->serial())) {
        // The loop we registered with was torn down with work in flight (the
        // request ended): start over on this one.
        p.registered = nullptr;
        p.pending = 0;
    }
    if (!p.registered) {
        if (!reactor->add(p.shared->efd, kEventRead, on_completion, &p)) {
            set_last_error(errno);
            return WaitResult::error;
        }
        p.registered = reactor;
        p.registered_serial = reactor->serial();
    }

    auto *task = new Task{std::move(work), co->id()};
    {
        std::lock_guard<std::mutex> lock(p.shared->mu);
        p.shared->queue.push_back(task);
        if (p.shared->queue.size() > p.shared->idle && p.threads.size() < p.max_workers) p.spawn_locked();
    }
    p.shared->cv.notify_one();
    ++p.pending;

    TimerId timer = 0;
    if (timeout > 0) {
        auto ms = static_cast<uint64_t>(std::ceil(timeout * 1000));
        timer = reactor->after(ms < 1 ? 1 : ms, on_timeout, task);
    }
    WaitResult result = WaitResult::ready;
    while (!task->done && !task->timed_out) {
        if (Coroutine::park() == WaitResult::canceled) {
            result = WaitResult::canceled;
            break;
        }
    }
    if (timer && !task->timed_out) reactor->clear(timer);
    if (task->done) {
        delete task;
        return WaitResult::ready;
    }
    task->cid = -1;  // the completion handler destroys it
    return task->timed_out ? WaitResult::timeout : result;
}

void Aio::set_max_workers(size_t n) { pool().max_workers = n < 1 ? 1 : n; }
size_t Aio::max_workers() { return pool().max_workers; }

size_t Aio::worker_count() {
    Pool &p = pool();
    p.check_fork();
    return p.threads.size();
}

size_t Aio::queue_size() {
    Pool &p = pool();
    p.check_fork();
    if (!p.shared) return 0;
    std::lock_guard<std::mutex> lock(p.shared->mu);
    return p.shared->queue.size();
}

size_t Aio::task_count() {
    Pool &p = pool();
    p.check_fork();
    return p.pending;
}

}  // namespace swoole::kernel
