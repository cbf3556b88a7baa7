<?php
/*
 * Swoole\Coroutine\WaitGroup: waits until a counter of pending jobs drops to zero.
 *
 * add() raises the counter, done() lowers it, wait() suspends the calling
 * coroutine until it reaches zero (or the timeout expires). Only one coroutine
 * may wait at a time. The wake-up goes through a Channel of capacity 1: the
 * done() that brings the counter to zero pushes one token, the waiter pops it.
 */

declare(strict_types=1);

namespace Swoole\Coroutine;

class WaitGroup
{
    protected Channel $chan;

    protected int $count = 0;

    protected bool $waiting = false;

    public function __construct(int $delta = 0)
    {
        $this->chan = new Channel(1);
        if ($delta !== 0) {
            $this->add($delta);
        }
    }

    public function add(int $delta = 1): void
    {
        if ($this->waiting) {
            throw new \BadMethodCallException('WaitGroup misuse: add called concurrently with wait');
        }
        $next = $this->count + $delta;
        if ($next < 0) {
            throw new \InvalidArgumentException('WaitGroup misuse: negative counter');
        }
        $this->count = $next;
    }

    public function done(): void
    {
        if ($this->count <= 0) {
            throw new \BadMethodCallException('WaitGroup misuse: negative counter');
        }
        $this->count--;
        if ($this->count === 0 && $this->waiting) {
            // Wakes the waiter at once (it runs before push() returns).
            $this->chan->push(true);
        }
    }

    public function wait(float $timeout = -1): bool
    {
        if ($this->waiting) {
            throw new \BadMethodCallException('WaitGroup misuse: reused before previous wait has returned');
        }
        if ($this->count === 0) {
            return true;
        }
        $this->waiting = true;
        try {
            // false on timeout or cancellation; a late done() then finds nobody waiting.
            return $this->chan->pop($timeout) === true;
        } finally {
            $this->waiting = false;
        }
    }

    public function count(): int
    {
        return $this->count;
    }
}
