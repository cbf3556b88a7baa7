--TEST--
Channel: errCode goes back to SWOOLE_CHANNEL_OK after a successful push or pop
--FILE--
<?php
Co\run(function () {
    $c = new Swoole\Coroutine\Channel(1);
    $c->pop(0.01);
    var_dump($c->errCode);
    var_dump($c->push(1), $c->errCode);
    $c->push(2, 0.01);
    var_dump($c->errCode);
    var_dump($c->pop(), $c->errCode);
});
?>
--EXPECT--
int(-1)
bool(true)
int(0)
int(-1)
int(1)
int(0)
