--TEST--
Channel: push with a timeout on a full channel fails with SWOOLE_CHANNEL_TIMEOUT and keeps the buffer intact
--FILE--
<?php
Co\run(function () {
    $c = new Swoole\Coroutine\Channel(1);
    var_dump($c->push('a', 0.05), $c->errCode, $c->isFull());
    $start = microtime(true);
    var_dump($c->push('b', 0.1));
    $elapsed = microtime(true) - $start;
    var_dump($elapsed >= 0.09 && $elapsed < 0.5, $c->errCode, $c->length(), $c->stats()['producer_num']);
    var_dump($c->pop(), $c->errCode, $c->isEmpty());
});
?>
--EXPECT--
bool(true)
int(0)
bool(true)
bool(false)
bool(true)
int(-1)
int(1)
int(0)
string(1) "a"
int(0)
bool(true)
