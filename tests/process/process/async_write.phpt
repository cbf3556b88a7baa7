--TEST--
process: write() on a non-blocking pipe inside a loop queues what the pipe does not take and the loop delivers it in order (stream and datagram)
--FILE--
<?php
use Swoole\Process;

const CHUNK = 100000;
const TOTAL = 400 * CHUNK;  // more than twice what the pipe buffers hold (8 MiB, doubled by Linux)
$stream = new Process(function (Process $c) {
    usleep(300000);  // let the writer fill the pipe first
    $c->setTimeout(10);
    $got = 0;
    $hash = hash_init('md5');
    while ($got < TOTAL && ($d = $c->read(65536)) !== false && $d !== '') {
        $got += strlen($d);
        hash_update($hash, $d);
    }
    $c->write("$got " . hash_final($hash));
}, false, 1);
$stream->start();
$block = random_bytes(CHUNK - 8);
$hash = hash_init('md5');
$stream->setBlocking(false);
$lengths = [];
Co\run(function () use ($stream, $block, $hash, &$lengths) {
    for ($i = 0; $i < TOTAL / CHUNK; $i++) {
        $chunk = sprintf('%08d', $i) . $block;
        hash_update($hash, $chunk);
        $lengths[] = $stream->write($chunk);
    }
});
// Every write said "all of it" at once; the loop ended only after the queue drained.
var_dump(array_unique($lengths) === [CHUNK]);
$stream->setBlocking(true);
$stream->setTimeout(10);
var_dump($stream->read() === TOTAL . ' ' . hash_final($hash));
Process::wait();

$dgram = new Process(function (Process $c) {
    usleep(300000);
    $c->setTimeout(10);
    $sizes = [];
    for ($i = 0; $i < 300; $i++) {
        $m = $c->read(65536);
        if ($m === false) break;
        $sizes[] = strlen($m) . ':' . $m[0];
    }
    $c->write(implode(',', $sizes));
}, false, 2);
$dgram->start();
$dgram->setBlocking(false);
$expect = [];
Swoole\Timer::after(1, function () use ($dgram, &$expect) {
    for ($i = 0; $i < 300; $i++) {
        $len = 30000 + $i * 100;  // 13.5 MiB in all: more than the pipe buffers
        $dgram->write(str_repeat(chr(65 + $i % 26), $len));
        $expect[] = $len . ':' . chr(65 + $i % 26);
    }
});
Swoole\Event::wait();
$dgram->setBlocking(true);
$dgram->setTimeout(10);
var_dump($dgram->read(65536) === implode(',', $expect));  // every message whole, in order
Process::wait();
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
