--TEST--
redis server: PROCESS mode with two workers (example server): redis-cli, pipelines answered in order, unknown command, malformed input
--SKIPIF--
<?php if (!shell_exec('command -v redis-cli')) die('skip redis-cli missing'); ?>
--INI--
swoole.modules=redis
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
require __DIR__ . '/redis_test.inc';
use Swoole\Redis\Server;
$log = redis_log_file();
[$pid, $port] = server_fork(function ($pipe) use ($log) {
    $server = redis_example_server(0, SWOOLE_PROCESS, 2, 1024);
    $server->set(['log_file' => $log]);
    $server->on('workerStart', function ($server, $id) use ($pipe) {
        fwrite($pipe, "worker $id\n");
    });
    return $server;
});
$ready = [server_wait_line(), server_wait_line()];
sort($ready);
echo implode(', ', $ready), "\n";
echo redis_cli($port, 'SET', 'shared', 'yes'), "\n";
// Many new connections: they land on both workers, and all see the Table.
$seen = [];
for ($i = 0; $i < 10; $i++) $seen[] = redis_cli($port, 'GET', 'shared');
echo implode(',', array_unique($seen)), "\n";

$c = server_connect($port);
$batch = '';
for ($i = 0; $i < 200; $i++) $batch .= resp_command('INCR', 'counter');
fwrite($c, $batch . resp_command('NOPE') . "PING\r\n");
$bad = 0;
for ($i = 1; $i <= 200; $i++) {
    if (resp_read_reply($c) !== ":$i\r\n") $bad++;
}
echo "out of order: $bad\n";
echo json_encode(resp_read_reply($c)), json_encode(resp_read_reply($c)), "\n";

$x = server_connect($port);
fwrite($x, "*1\r\n:1\r\n");
echo json_encode(resp_read_reply($x)), "\n";
var_dump(resp_closed($x));
var_dump(redis_log_wait($log, "redis protocol error: expected '$'"));
fwrite($c, resp_command('GET', 'shared'));
echo json_encode(resp_read_reply($c)), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
worker 0, worker 1
OK
yes
out of order: 0
"-ERR unknown command 'NOPE'\r\n""+PONG\r\n"
"-ERR Protocol error: expected '$'\r\n"
bool(true)
bool(true)
"$3\r\nyes\r\n"
int(0)
