--TEST--
Channel: pop(0.1) on an empty channel fails after about 0.1 s with SWOOLE_CHANNEL_TIMEOUT (edge case 10)
--FILE--
<?php
Co\run(function () {
    $c = new Swoole\Coroutine\Channel(0);
    var_dump($c->capacity);
    $start = microtime(true);
    var_dump($c->pop(0.1));
    $elapsed = microtime(true) - $start;
    var_dump($elapsed >= 0.09 && $elapsed < 0.5);
    var_dump($c->errCode === SWOOLE_CHANNEL_TIMEOUT);
    var_dump($c->stats()['consumer_num']);
    var_dump(Co::isCanceled());
});
echo "done\n";
?>
--EXPECT--
int(1)
bool(false)
bool(true)
bool(true)
int(0)
bool(false)
done
