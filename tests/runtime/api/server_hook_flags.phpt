--TEST--
runtime: Server hook_flags => SWOOLE_HOOK_SLEEP: a worker's onReceive that sleep()s does not hold up a second connection
--FILE--
<?php
require __DIR__ . '/../../server/include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1, 'hook_flags' => SWOOLE_HOOK_SLEEP]);
    $s->on('workerStart', function () use ($pipe) {
        fwrite($pipe, 'flags ' . Swoole\Runtime::getHookFlags() . "\n");
    });
    $s->on('receive', function ($s, $fd, $rid, $data) use ($pipe) {
        if ($data === "slow") {
            fwrite($pipe, "sleeping\n");
            sleep(1);                       // hooked: parks this coroutine only
        }
        $s->send($fd, "done $data");
    });
    return $s;
});
echo server_wait_line(), "\n";
$slow = server_connect($port);
fwrite($slow, "slow");
echo server_wait_line(), "\n";              // the slow request is inside sleep() now
$fast = server_connect($port);
$t = microtime(true);
fwrite($fast, "fast");
echo server_read($fast, 9), "\n";
var_dump(microtime(true) - $t < 0.5);       // answered while the other handler sleeps
echo server_read($slow, 9), "\n";
fclose($fast);
fclose($slow);
var_dump(server_stop($pid));
?>
--EXPECT--
flags 512
sleeping
done fast
bool(true)
done slow
int(0)
