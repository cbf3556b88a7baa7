<?php
// Coroutines against PHP's own Fibers, the same work side by side in one run:
// switch pairs, create+finish, channel ping-pong, resident memory per idle one.
// Run through tools/bench/coroutine. Figures are printed, never asserted.

const SWITCHES = 1000000;
const CREATES = 200000;
const PINGS = 200000;
const IDLE = 10000;

function rss_kib(): int {
    $statm = explode(' ', file_get_contents('/proc/self/statm'));
    return (int) $statm[1] * 4;
}

function rate(int $n, float $seconds): float { return $n / $seconds; }

function measure(callable $fn): float {
    $t = hrtime(true);
    $fn();
    return (hrtime(true) - $t) / 1e9;
}

$rows = [];

// --- switch pairs: resume a suspended one, it suspends back ---
$fiber = new Fiber(function () { while (true) Fiber::suspend(); });
$fiber->start();
$fiber_switch = rate(SWITCHES, measure(function () use ($fiber) {
    for ($i = 0; $i < SWITCHES; $i++) $fiber->resume();
}));
$cid = go(function () { while (Co::yield()); });
$co_switch = rate(SWITCHES, measure(function () use ($cid) {
    for ($i = 0; $i < SWITCHES; $i++) Co::resume($cid);
}));
Co::cancel($cid);
Swoole\Event::wait();  // finish, so that Co\run below may create its own loop
$rows[] = ['switch pairs / s', $co_switch, $fiber_switch];

// --- create + finish ---
$fiber_create = rate(CREATES, measure(function () {
    for ($i = 0; $i < CREATES; $i++) (new Fiber(function () {}))->start();
}));
$co_create = rate(CREATES, measure(function () {
    for ($i = 0; $i < CREATES; $i++) go(function () {});
}));
Swoole\Event::wait();
$rows[] = ['create+finish / s', $co_create, $fiber_create];

// --- channel ping-pong: a message there and back through two one-slot queues ---
if (class_exists(Swoole\Coroutine\Channel::class)) {
    $co_ping = 0;
    Co\run(function () use (&$co_ping) {
        $ping = new Swoole\Coroutine\Channel(1);
        $pong = new Swoole\Coroutine\Channel(1);
        go(function () use ($ping, $pong) {
            for ($i = 0; $i < PINGS; $i++) $pong->push($ping->pop());
        });
        $co_ping = rate(PINGS, measure(function () use ($ping, $pong) {
            for ($i = 0; $i < PINGS; $i++) { $ping->push($i); $pong->pop(); }
        }));
    });
    // The same with Fibers: a waiting consumer is resumed by the producer.
    final class FiberChannel {
        private array $items = [];
        private ?Fiber $waiter = null;
        function push($v): void {
            $this->items[] = $v;
            if ($this->waiter) { $w = $this->waiter; $this->waiter = null; $w->resume(); }
        }
        function pop() {
            while (!$this->items) { $this->waiter = Fiber::getCurrent(); Fiber::suspend(); }
            return array_shift($this->items);
        }
    }
    $ping = new FiberChannel; $pong = new FiberChannel;
    $echo = new Fiber(function () use ($ping, $pong) { for ($i = 0; $i < PINGS; $i++) $pong->push($ping->pop()); });
    $fiber_ping = 0;
    $main = new Fiber(function () use ($ping, $pong, $echo, &$fiber_ping) {
        $echo->start();
        $fiber_ping = rate(PINGS, measure(function () use ($ping, $pong) {
            for ($i = 0; $i < PINGS; $i++) { $ping->push($i); $pong->pop(); }
        }));
    });
    $main->start();
    while (!$main->isTerminated()) { $echo->isSuspended() && !$echo->isTerminated() ? $echo->resume() : $main->resume(); }
    $rows[] = ['channel ping-pong / s', $co_ping, $fiber_ping];
} else {
    echo "channel ping-pong: skipped (Swoole\\Coroutine\\Channel is not available in this build)\n";
}

// --- resident memory per idle coroutine ---
gc_collect_cycles();
$before = rss_kib();
$fibers = [];
for ($i = 0; $i < IDLE; $i++) { $f = new Fiber(function () { Fiber::suspend(); }); $f->start(); $fibers[] = $f; }
$fiber_kib = (rss_kib() - $before) / IDLE;
$before = rss_kib();
$cids = [];
for ($i = 0; $i < IDLE; $i++) $cids[] = go(function () { Co::yield(); });
$co_kib = (rss_kib() - $before) / IDLE;
foreach ($cids as $c) Co::resume($c);
foreach ($fibers as $f) $f->resume();
$rows[] = ['KiB per idle (lower is better)', $co_kib, $fiber_kib];

printf("%-32s %16s %16s %8s\n", 'measure', 'coroutine', 'Fiber', 'ratio');
foreach ($rows as [$name, $co, $fib]) {
    $ratio = str_starts_with($name, 'KiB') ? $fib / max($co, 0.001) : $co / max($fib, 0.001);
    printf("%-32s %16.1f %16.1f %7.2fx\n", $name, $co, $fib, $ratio);
}
echo "ratio > 1 means the coroutine is better (faster, or smaller). Targets: switch and create >= 1.0x, idle <= 8 KiB.\n";
