--TEST--
redis server: redis-cli against the Table-backed example (PING, SET/GET, SET and MAP replies, unknown command)
--SKIPIF--
<?php if (!is_executable('/usr/bin/redis-cli') && !shell_exec('command -v redis-cli')) die('skip redis-cli missing'); ?>
--INI--
swoole.modules=redis
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
require __DIR__ . '/redis_test.inc';
[$pid, $port] = server_fork(fn() => redis_example_server(0, SWOOLE_BASE, 1, 1024));
echo redis_cli($port, 'PING'), "\n";
echo redis_cli($port, 'ping', 'hello world'), "\n";
echo redis_cli($port, 'SET', 'k1', 'v1'), "\n";
echo redis_cli($port, 'set', 'k2', "two\r\nlines"), "\n";
echo redis_cli($port, 'GET', 'k1'), "\n";
echo json_encode(redis_cli($port, 'GET', 'k2')), "\n";
echo json_encode(redis_cli($port, 'GET', 'missing')), "\n";
echo redis_cli($port, 'INCR', 'n'), ' ', redis_cli($port, 'INCR', 'n'), "\n";
echo redis_cli($port, 'KEYS', 'k*'), "\n";  // a SET reply
echo redis_cli($port, 'HSET', 'h', 'name', 'swoole', 'lang', 'php'), "\n";
echo redis_cli($port, 'HGETALL', 'h'), "\n";  // a MAP reply
echo redis_cli($port, 'DEL', 'k1', 'k2', 'nope'), "\n";
echo redis_cli($port, 'EXISTS', 'k1'), "\n";
echo redis_cli($port, 'FOO', 'bar'), "\n";

// The raw replies, and an inline command.
$c = server_connect($port);
fwrite($c, resp_command('HGETALL', 'h') . resp_command('KEYS', 'n') . resp_command('Foo') . "PING\r\n");
for ($i = 0; $i < 4; $i++) {
    echo json_encode(resp_read_reply($c)), "\n";
}
fclose($c);
var_dump(server_stop($pid));
?>
--EXPECT--
PONG
hello world
OK
OK
v1
"two\r\nlines"
""
1 2
k1
k2
2
lang
php
name
swoole
2
0
ERR unknown command 'FOO'
"*4\r\n$4\r\nlang\r\n$3\r\nphp\r\n$4\r\nname\r\n$6\r\nswoole\r\n"
"*1\r\n$1\r\nn\r\n"
"-ERR unknown command 'Foo'\r\n"
"+PONG\r\n"
int(0)
