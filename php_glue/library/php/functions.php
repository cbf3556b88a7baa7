<?php
/*
 * Functions of the Swoole\Coroutine namespace: thin wrappers over the
 * Coroutine class, and the fan-out helpers batch(), parallel() and map(),
 * which start one coroutine per job and wait for them with a WaitGroup.
 * Swoole\Coroutine\run() is native (coroutine core), not defined here.
 */

declare(strict_types=1);

namespace Swoole\Coroutine;

use Swoole\Coroutine;

function go(callable $fn, mixed ...$args): int|false
{
    return Coroutine::create($fn, ...$args);
}

function defer(callable $fn): void
{
    Coroutine::defer($fn);
}

/**
 * Runs every callable of $tasks in its own coroutine and waits for all of
 * them (at most $timeout seconds). The result has the keys of $tasks, in the
 * same order; a task still running at the timeout leaves null.
 */
function batch(array $tasks, float $timeout = -1): array
{
    $results = array_fill_keys(array_keys($tasks), null);
    $group = new WaitGroup(count($tasks));
    foreach ($tasks as $key => $task) {
        Coroutine::create(static function () use ($group, &$results, $key, $task): void {
            $results[$key] = $task();
            $group->done();
        });
    }
    $group->wait($timeout);
    // A copy: tasks that finish later write to the shared array, not to this one.
    $snapshot = $results;
    return $snapshot;
}

/** Runs $fn in $n coroutines and returns when all of them have finished. */
function parallel(int $n, callable $fn): void
{
    $n = max(0, $n);
    $group = new WaitGroup($n);
    for ($i = 0; $i < $n; $i++) {
        Coroutine::create(static function () use ($group, $fn): void {
            $fn();
            $group->done();
        });
    }
    $group->wait();
}

/**
 * Calls $fn($element) for every element of $list, each in its own coroutine,
 * and returns the results under the original keys (null where $fn had not
 * returned before $timeout).
 */
function map(array $list, callable $fn, float $timeout = -1): array
{
    $tasks = [];
    foreach ($list as $key => $element) {
        $tasks[$key] = static fn () => $fn($element);
    }
    return batch($tasks, $timeout);
}

/**
 * Prints the deadlock report: the banner with the number of coroutines still
 * alive and, unless disabled through Co::set(), the backtrace of each.
 */
function deadlock_check(): void
{
    $count = Coroutine::stats()['coroutine_num'];
    if ($count <= 0) {
        return;
    }
    $options = Coroutine::getOptions() ?? [];
    $line = str_repeat('=', 67);
    echo "\n{$line}\n [FATAL ERROR]: all coroutines (count: {$count}) are asleep - deadlock!\n{$line}\n";
    if (!empty($options['deadlock_check_disable_trace'])) {
        return;
    }
    $limit = (int) ($options['deadlock_check_limit'] ?? 32);
    $depth = (int) ($options['deadlock_check_depth'] ?? 32);
    $listed = 0;
    foreach (Coroutine::list() as $cid) {
        if ($limit > 0 && $listed++ >= $limit) {
            break;
        }
        echo " [Coroutine-{$cid}]\n", str_repeat('-', 68), "\n";
        Coroutine::printBackTrace($cid, DEBUG_BACKTRACE_IGNORE_ARGS, $depth);
        echo "\n";
    }
}
