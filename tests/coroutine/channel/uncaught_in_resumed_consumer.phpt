--TEST--
Channel: an uncaught exception in a consumer that push() resumed is the fatal error; the pusher does not continue
--FILE--
<?php
Co\run(function () {
    $c = new Swoole\Coroutine\Channel(1);
    go(function () use ($c) {
        $v = $c->pop();
        echo "consumer got $v\n";
        throw new Exception('boom in consumer');
    });
    echo "push\n";
    $c->push(1);
    echo "not reached\n";
});
echo "not reached either\n";
?>
--EXPECTF--
push
consumer got 1
%AFatal error: Uncaught Exception: boom in consumer in %s:%d
Stack trace:
#0 [internal function]: {closure}()
#1 {main}
  thrown in %s on line %d
