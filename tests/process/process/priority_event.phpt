--TEST--
process: setPriority/getPriority on the calling process; a Process pipe read through swoole_event_add
--FILE--
<?php
use Swoole\Process;
use Swoole\Event;

$p = new Process(function (Process $child) {
    $child->write('hello from ' . $child->getPriority(0));
}, false, 1);
$before = $p->getPriority(0);
var_dump(is_int($before));
var_dump($p->setPriority(0, $before + 3));   // lowering our own priority is always allowed
var_dump($p->getPriority(0) === $before + 3);
$p->start();                                 // the child inherits the nice value

$got = null;
$fd = swoole_event_add($p->pipe, function ($pipe) use ($p, &$got) {
    $got = $p->read();
    swoole_event_del($pipe);
});
var_dump($fd === $p->pipe);
var_dump(@swoole_event_add($p->pipe, fn () => null));   // already added
Event::wait();
var_dump($got === 'hello from ' . ($before + 3));
var_dump(Process::wait()['pid'] === $p->pid);
try {
    $p->setPriority(0, 'x');
} catch (TypeError $e) {
    echo get_class($e), "\n";
}
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
TypeError
