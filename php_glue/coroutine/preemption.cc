// The preemptive scheduler (enable_preemptive_scheduler): a watcher thread
// notices a coroutine that has run for more than 10 ms without switching and
// raises PHP's VM interrupt; at the next interrupt check the coroutine is put
// at the back of the loop's queue and the others run.
#include <atomic>
#include <chrono>
#include <thread>

#include "coroutine/php_coroutine.h"
#include "coroutine/task.h"

namespace swoole::php {

namespace {

constexpr auto kTimeSlice = std::chrono::milliseconds(10);

std::atomic<uint64_t> g_switches{0};        // bumped by the main thread on each switch
std::atomic<bool> g_in_coroutine{false};    // a coroutine (not the main context) runs
std::atomic<bool> g_preempt_requested{false};
std::atomic<bool> g_watcher_stop{false};
std::thread g_watcher;
bool g_enabled = false;
void (*g_previous_interrupt)(zend_execute_data *) = nullptr;

void watch(zend_executor_globals *eg) {
    uint64_t seen = g_switches.load(std::memory_order_relaxed);
    while (!g_watcher_stop.load(std::memory_order_relaxed)) {
        std::this_thread::sleep_for(kTimeSlice);
        uint64_t now = g_switches.load(std::memory_order_relaxed);
        if (now == seen && g_in_coroutine.load(std::memory_order_relaxed)) {
            g_preempt_requested.store(true, std::memory_order_relaxed);
            zend_atomic_bool_store_ex(&eg->vm_interrupt, true);
        }
        seen = now;
    }
}

void resume_preempted(void *arg) {
    kernel::Coroutine *co = kernel::Coroutine::get(reinterpret_cast<intptr_t>(arg));
    auto *task = co ? static_cast<PhpTask *>(co->task) : nullptr;
    if (task && task->preempted) {
        task->preempted = false;
        co->resume();
    }
}

void on_interrupt(zend_execute_data *execute_data) {
    if (g_preempt_requested.exchange(false, std::memory_order_relaxed)) {
        kernel::Coroutine *co = kernel::Coroutine::current();
        auto *task = co ? static_cast<PhpTask *>(co->task) : nullptr;
        if (task && !task->preemption_off && PhpCoroutine::has_reactor()) {
            task->preempted = true;
            PhpCoroutine::reactor().defer(resume_preempted, reinterpret_cast<void *>(static_cast<intptr_t>(co->id())));
            co->yield();
        }
    }
    if (g_previous_interrupt) g_previous_interrupt(execute_data);
}

}  // namespace

void preemption_note_switch(bool into_coroutine) {
    g_switches.store(g_switches.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    g_in_coroutine.store(into_coroutine, std::memory_order_relaxed);
}

void preemption_start() {
    if (g_enabled) return;
    g_enabled = true;
    g_watcher_stop = false;
    g_watcher = std::thread(watch, &executor_globals);
}

void preemption_stop() {
    if (!g_enabled) return;
    g_enabled = false;
    g_watcher_stop = true;
    g_watcher.join();
    g_preempt_requested = false;
}

void preemption_install() {
    g_previous_interrupt = zend_interrupt_function;
    zend_interrupt_function = on_interrupt;
}

}  // namespace swoole::php
