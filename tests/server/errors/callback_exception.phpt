--TEST--
Server: an exception escaping a callback is the uncaught-exception fatal error (with and without coroutines)
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
foreach ([false, true] as $co) {
    [$pid, $port] = server_fork(function ($pipe) use ($co) {
        $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
        $s->set(['worker_num' => 1, 'enable_coroutine' => $co]);
        $s->on('receive', function ($s, $fd, $rid, $data) { throw new RuntimeException("boom $data"); });
        $s->on('shutdown', function () { echo "shutdown must not run\n"; });
        return $s;
    });
    $c = server_connect($port);
    fwrite($c, $co ? 'co' : 'plain');
    var_dump(fread($c, 10));
    pcntl_waitpid($pid, $status);
    var_dump(pcntl_wexitstatus($status));
}
?>
--EXPECTF--
%AFatal error: Uncaught RuntimeException: boom plain in %s:%d
Stack trace:
%A
string(0) ""
int(255)
%AFatal error: Uncaught RuntimeException: boom co in %s:%d
Stack trace:
%A
string(0) ""
int(255)
