--TEST--
redis client: a command outside a coroutine is the fatal Swoole\Error
--INI--
swoole.modules=redis
--FILE--
<?php
$redis = new Swoole\Coroutine\Redis();
try {
    $redis->get('k');
} catch (Throwable $e) {
    echo "caught\n";  // 4.8 reports it at once as uncaught
}
?>
--EXPECTF--
%AFatal error: Uncaught Swoole\Error: API must be called in the coroutine in %s:%d
%A
