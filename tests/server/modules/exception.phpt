--TEST--
server modules: an exception thrown by the callback a module calls is the worker's uncaught-exception fatal; the module's answer is not sent
--INI--
swoole.module_dir=/nonexistent/outer-run
--FILE--
<?php
require __DIR__ . '/line_fixture.inc';
line_fixture_reexec();
foreach ([true, false] as $coroutine) {
    [$pid, $port] = server_fork(function ($pipe) use ($coroutine) {
        $server = new LineFixture\Server('127.0.0.1', 0, SWOOLE_BASE);
        $server->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING, 'enable_coroutine' => $coroutine]);
        $server->on('request', function ($server, $fd, $line) {
            throw new RuntimeException("boom:$line");
        });
        return $server;
    });
    $c = server_connect($port);
    fwrite($c, "x\n");
    var_dump(fgets($c));  // the process ended without answering
    $r = pcntl_waitpid($pid, $status);
    var_dump($r === $pid, pcntl_wexitstatus($status));
}
?>
--EXPECTF--
Fatal error: Uncaught RuntimeException: boom:x in %s:%d
Stack trace:
#0 [internal function]: {closure}(%S)
#1 [internal function]: Swoole\Server\swoole_server_module_request(%S)
#2 {main}
  thrown in %s on line %d
bool(false)
bool(true)
int(255)

Fatal error: Uncaught RuntimeException: boom:x in %s:%d
Stack trace:
#0 [internal function]: {closure}(%S)
#1 %s: Swoole\Server->start()
#2 %s: server_fork(%S)
#3 {main}
  thrown in %s on line %d
bool(false)
bool(true)
int(255)
