--TEST--
process: SysV queue round trip, competitive and targeted modes, IPC_NOWAIT, stats, limits
--FILE--
<?php
use Swoole\Process;
$key = 0x5a000000 | (getmypid() & 0xffffff);
$p = new Process(function (Process $p) {
    $p->push('child:' . $p->pop());
}, false, 0);
var_dump($p->useQueue($key));
var_dump($p->msgQueueKey === $key, is_int($p->msgQueueId));
$p->start();
$p->push('hello');
// The child pops "hello", then pushes its reply; wait for it to exit before popping.
Process::wait();
var_dump($p->pop());
var_dump($p->push(str_repeat('a', 65536)));
var_dump($p->push(''));
var_dump($p->push('one'), $p->push('three'));
var_dump($p->statQueue());
var_dump($p->pop(2));            // longer than the size: stays queued
var_dump($p->pop(), $p->pop());
var_dump($p->freeQueue(), $p->freeQueue());

// Targeted mode: pop only takes messages of type id+1.
$a = new Process(function () {}, false, 0);
$b = new Process(function () {}, false, 0);
$a->id = 1; $b->id = 2;
$a->useQueue($key, 1 | Process::IPC_NOWAIT);
$b->useQueue($key, 1 | Process::IPC_NOWAIT);
$a->push('for a');
var_dump($b->pop());
var_dump(swoole_errno());
var_dump($a->pop());
// Non-blocking competitive pop on an empty queue.
$c = new Process(function () {}, false, 0);
$c->useQueue($key, 2 | Process::IPC_NOWAIT);
$t = microtime(true);
var_dump($c->pop(), swoole_errno(), microtime(true) - $t < 0.5);
$c->freeQueue();
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
string(11) "child:hello"

Warning: Swoole\Process::push(): the data to push is too big in %s on line %d
bool(false)

Warning: Swoole\Process::push(): the data to push is empty in %s on line %d
bool(false)
bool(true)
bool(true)
array(2) {
  ["queue_num"]=>
  int(2)
  ["queue_bytes"]=>
  int(8)
}
%sMsgQueue::pop(): msgrcv(%d, 2, 0) failed, Error: Argument list too long[7]
bool(false)
string(3) "one"
string(5) "three"
bool(true)
bool(false)
bool(false)
int(42)
string(5) "for a"
bool(false)
int(42)
bool(true)
