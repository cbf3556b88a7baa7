--TEST--
Channel: close() from the main script wakes the waiting coroutines before it returns
--FILE--
<?php
$c = new Swoole\Coroutine\Channel(2);
go(function () use ($c) {
    echo "waiting\n";
    var_dump($c->pop(), $c->errCode);
    echo "consumer done\n";
});
echo "main closes\n";
var_dump($c->close());
echo "main after close\n";
?>
--EXPECT--
waiting
main closes
bool(false)
int(-2)
consumer done
bool(true)
main after close
