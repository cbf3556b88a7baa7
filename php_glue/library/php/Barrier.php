<?php
/*
 * Swoole\Coroutine\Barrier: waits until every coroutine holding the barrier ended.
 *
 * The barrier is a plain object shared by reference counting: each child
 * coroutine captures it (use ($barrier)), and Barrier::wait() drops the
 * caller's own reference and suspends. When the last reference goes away the
 * destructor wakes the waiter. A timeout wakes it earlier; the destructor then
 * does nothing. The state the waiter and the destructor share lives in a
 * separate small object, because the waiter may not keep the barrier alive.
 */

declare(strict_types=1);

namespace Swoole\Coroutine;

use Swoole\Coroutine;
use Swoole\Exception;
use Swoole\Timer;

class Barrier
{
    /** Coroutine suspended in wait(), -1 while nobody waits. */
    private int $waiter = -1;

    /**
     * Shared with the waiter and its timer: suspended (the waiter is parked in
     * Coroutine::yield()), released (the last reference is gone), timer (id or 0).
     */
    private ?\stdClass $state = null;

    public static function make(): static
    {
        return new static();
    }

    public static function wait(Barrier &$barrier, float $timeout = -1): void
    {
        if ($barrier->waiter !== -1) {
            throw new Exception('The barrier is waiting, cannot wait again.');
        }
        $cid = Coroutine::getCid();
        if ($cid < 0) {
            // Outside a coroutine: let the core raise its "API must be called
            // in the coroutine" error.
            Coroutine::yield();
            return;
        }

        $state = new \stdClass();
        $state->suspended = false;
        $state->released = false;
        $state->timer = 0;
        $barrier->waiter = $cid;
        $barrier->state = $state;
        if ($timeout > 0) {
            $ms = max(1, (int) round($timeout * 1000));
            $state->timer = Timer::after($ms, static function () use ($state, $cid): void {
                $state->timer = 0;
                if ($state->suspended) {
                    Coroutine::resume($cid);
                }
            });
        }

        // Drop the caller's reference; if it was the last one the destructor
        // has already run and there is nothing to wait for.
        $barrier = null;
        if ($state->released) {
            return;
        }
        $state->suspended = true;
        Coroutine::yield();
        $state->suspended = false;
        if ($state->timer) {
            Timer::clear($state->timer);
            $state->timer = 0;
        }
    }

    public function __destruct()
    {
        $state = $this->state;
        if ($state === null) {
            return;
        }
        $this->state = null;
        $state->released = true;
        if ($state->timer) {
            Timer::clear($state->timer);
            $state->timer = 0;
        }
        if ($state->suspended) {
            Coroutine::resume($this->waiter);
        }
    }
}
