--TEST--
Event: wait() inside a callback or a coroutine does nothing; the running loop carries on
--FILE--
<?php
Swoole\Timer::after(5, function () {
    Swoole\Event::wait();
    echo "wait in a callback returned\n";
});
go(function () {
    Swoole\Event::wait();
    echo "wait in a coroutine returned\n";
});
echo "script\n";
Swoole\Event::wait();
echo "done\n";
?>
--EXPECT--
wait in a coroutine returned
script
wait in a callback returned
done
