--TEST--
redis client: close() from another coroutine wakes a coroutine waiting in recv()/a blocking command
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
Co\run(function () {
    $sub = redis_connected();
    $sub->subscribe([redis_key('quiet')]);
    $sub->recv();  // the confirmation
    $pop = redis_connected();
    $waiting = new Co\Channel(2);
    $done = new Co\Channel(2);
    go(function () use ($sub, $waiting, $done) {
        $waiting->push(true);
        $done->push([$sub->recv(), $sub->connected]);
    });
    go(function () use ($pop, $waiting, $done) {
        $waiting->push(true);
        $done->push([$pop->blPop([redis_key('never')], 0), $pop->connected]);
    });
    $waiting->pop();
    $waiting->pop();
    var_dump($sub->close(), $pop->close());
    var_dump($done->pop(5) === [false, false], $done->pop(5) === [false, false]);
    var_dump($sub->ping(), $pop->ping());  // a new connection each
});
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
int(0)
int(0)
