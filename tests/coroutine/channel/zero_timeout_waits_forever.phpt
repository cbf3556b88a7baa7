--TEST--
Channel: pop(0) and push(x, 0) wait without limit, like -1
--FILE--
<?php
use Swoole\Coroutine\Channel;

Co\run(function () {
    $c = new Channel(1);
    go(function () use ($c) {
        $start = microtime(true);
        var_dump($c->pop(0));
        var_dump(microtime(true) - $start >= 0.15);
    });
    go(function () use ($c) {
        Co::sleep(0.2);
        $c->push('late');
    });

    $f = new Channel(1);
    $f->push(1);
    go(function () use ($f) {
        $start = microtime(true);
        var_dump($f->push(2, 0), $f->errCode);
        var_dump(microtime(true) - $start >= 0.25);
    });
    Co::sleep(0.3);
    var_dump($f->pop(), $f->pop());
});
?>
--EXPECT--
string(4) "late"
bool(true)
bool(true)
int(0)
bool(true)
int(1)
int(2)
