--TEST--
process: pipe round trip over SOCK_DGRAM (message boundaries, truncation) and SOCK_STREAM
--FILE--
<?php
use Swoole\Process;

$dgram = new Process(function (Process $p) {
    $p->write('first');
    $p->write(str_repeat('x', 9000));
    $p->write(str_repeat('y', 70000));
    $p->write('reply:' . $p->read());
}, false, 2);
var_dump(is_int($dgram->pipe), $dgram->pid);
$dgram->start();
var_dump($dgram->read());
var_dump(strlen($dgram->read()));        // one datagram truncated to the default 8192
var_dump(strlen($dgram->read(100000)));  // capped at 65536
$dgram->write('ping');
var_dump($dgram->read());
var_dump(Process::wait()['pid'] === $dgram->pid);

$stream = new Process(function (Process $p) {
    $p->write(str_repeat('a', 100));
    $p->write(str_repeat('b', 10));
    $p->close(Process::PIPE_WRITE);
}, false, 1);
$stream->start();
$got = '';
while (($chunk = $stream->read()) !== '' && $chunk !== false) $got .= $chunk;
var_dump(strlen($got), substr($got, 98, 4));
Process::wait();

$none = new Process(function () {}, false, 0);
var_dump($none->pipe);
?>
--EXPECT--
bool(true)
NULL
string(5) "first"
int(8192)
int(65536)
string(10) "reply:ping"
bool(true)
int(110)
string(4) "aabb"
NULL
