--TEST--
Server: max_conn above the session list / descriptor limit and below the minimum, reactor_num above 4 x CPU: the logged warnings and resets
--FILE--
<?php
$log = sys_get_temp_dir() . '/swoole_limits_' . getmypid() . '.log';
@unlink($log);
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['log_file' => $log]);
$s->set(['max_conn' => 2000000]);
$s->set(['worker_num' => 1, 'max_conn' => 10, 'reactor_num' => swoole_cpu_num() * 4 + 1]);
$s->on('workerStart', function ($s) { $s->shutdown(); });
$s->on('receive', function () {});
var_dump($s->start());
$limit = posix_getrlimit()['soft openfiles'];
foreach (file($log) as $line) {
    $text = explode("\t", rtrim($line), 3)[2];
    echo str_replace([" $limit", ' ' . (swoole_cpu_num() * 4)], [' LIMIT', ' CPUx4'], $text), "\n";
}
@unlink($log);
?>
--EXPECTF--
bool(true)
Server::set_max_connection(): max_connection is exceed the SW_SESSION_LIST_SIZE, it's reset to 1048576
%AServer::create(): max_connection must be bigger than %d, it's reset to LIMIT
Server::create(): serv->reactor_num == %d, Too many threads, reset to max value CPUx4
