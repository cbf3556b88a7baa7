--TEST--
redis server: a command name of 64 bytes closes the connection with 4.8's warning; a request over package_max_length is closed
--INI--
swoole.modules=redis
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
require __DIR__ . '/redis_test.inc';
use Swoole\Redis\Server;
$log = redis_log_file();
[$pid, $port] = server_fork(function () use ($log) {
    $server = new Server('127.0.0.1', 0, SWOOLE_BASE);
    $server->set(['worker_num' => 1, 'log_file' => $log, 'package_max_length' => 128 * 1024]);
    $server->setHandler('SET', fn(int $fd, array $args) => Server::format(Server::INT, strlen($args[1])));
    return $server;
});
$keeper = server_connect($port);

// 63 bytes: an unknown command, answered; 64 bytes: closed without a reply.
$c = server_connect($port);
fwrite($c, resp_command(str_repeat('c', 63)));
echo json_encode(resp_read_reply($c)), "\n";
fwrite($c, resp_command(str_repeat('a', 64), 'x'));
var_dump(resp_closed($c));
fclose($c);
var_dump(redis_log_wait($log, 'command [aaaaaaaa...](length=64) is too long'));
$c = server_connect($port);
fwrite($c, str_repeat('b', 70) . " x\r\n");  // inline too
var_dump(resp_closed($c));
fclose($c);
var_dump(redis_log_wait($log, 'command [bbbbbbbb...](length=70) is too long'));

// Under the limit: served; over it: closed.
$c = server_connect($port);
fwrite($c, resp_command('SET', 'k', str_repeat('v', 100 * 1024)));
echo json_encode(resp_read_reply($c)), "\n";
@fwrite($c, resp_command('SET', 'k', str_repeat('v', 300 * 1024)));
var_dump(resp_closed($c));
fclose($c);
var_dump(redis_log_wait($log, 'Package length too large'));

fwrite($keeper, resp_command('SET', 'k', 'v'));
echo json_encode(resp_read_reply($keeper)), "\n";
fclose($keeper);
var_dump(server_stop($pid));
?>
--EXPECT--
"-ERR unknown command 'ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc'\r\n"
bool(true)
bool(true)
bool(true)
bool(true)
":102400\r\n"
bool(true)
bool(true)
":1\r\n"
int(0)
