<?php
/*
 * Short names in the Co\ namespace (only when swoole.use_shortname is on):
 * Co\go(), Co\defer() and the classes Co\WaitGroup, Co\Barrier.
 * Co\run() belongs to the native coroutine core.
 */

declare(strict_types=1);

namespace Co;

if (\SWOOLE_USE_SHORTNAME) {
    function go(callable $fn, mixed ...$args): int|false
    {
        return \Swoole\Coroutine::create($fn, ...$args);
    }

    function defer(callable $fn): void
    {
        \Swoole\Coroutine::defer($fn);
    }

    \class_alias(\Swoole\Coroutine\WaitGroup::class, WaitGroup::class, false);
    \class_alias(\Swoole\Coroutine\Barrier::class, Barrier::class, false);
}
