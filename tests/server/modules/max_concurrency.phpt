--TEST--
server modules: request coroutines queued by max_concurrency still get their request (carried by value)
--INI--
swoole.module_dir=/nonexistent/outer-run
--FILE--
<?php
require __DIR__ . '/line_fixture.inc';
line_fixture_reexec();
[$pid, $port] = server_fork(function ($pipe) {
    $server = new LineFixture\Server('127.0.0.1', 0, SWOOLE_BASE);
    $server->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
    $server->on('request', function ($server, $fd, $line) {
        if ($line === 'limit') {
            Swoole\Coroutine::set(['max_concurrency' => 1]);
        } elseif ($line === 'sleep') {
            Swoole\Coroutine::sleep(0.05);
        }
        $server->send($fd, "req:$line\n");
    });
    return $server;
});
$c = server_connect($port);
// No limit: the second request runs while the first sleeps.
echo implode(' ', line_exchange($c, "sleep\nhello\n", 4)), "\n";
echo implode(' ', line_exchange($c, "limit\n", 2)), "\n";
// One at a time: the second waits for the first, then sees its own line.
echo implode(' ', line_exchange($c, "sleep\n" . str_repeat('x', 3000) . "\n", 4)) === 'req:sleep line:sleep req:' . str_repeat('x', 3000) . ' line:' . str_repeat('x', 3000) ? "in order\n" : "wrong\n";
echo 'exit: ', server_stop($pid), "\n";
?>
--EXPECT--
req:hello line:hello req:sleep line:sleep
req:limit line:limit
in order
exit: 0
