--TEST--
redis server: pipelined commands in one write are all answered, in order (4.8 answered only the first)
--INI--
swoole.modules=redis
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
require __DIR__ . '/redis_test.inc';
use Swoole\Redis\Server;
[$pid, $port] = server_fork(function () {
    $server = new Server('127.0.0.1', 0, SWOOLE_BASE);
    $server->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
    $server->setHandler('ECHO', fn(int $fd, array $args) => Server::format(Server::STRING, $args[0]));
    // A handler that yields: the replies must still come out in request order.
    $server->setHandler('SLOWECHO', function (int $fd, array $args) {
        Swoole\Coroutine::sleep(0.001 * (1 + crc32($args[0]) % 5));
        return Server::format(Server::STRING, $args[0]);
    });
    $server->setHandler('ARGS', fn(int $fd, array $args) => Server::format(Server::INT, count($args)));
    return $server;
});
$c = server_connect($port);
// 1000 commands, multi-bulk and inline mixed, in one write.
$batch = '';
for ($i = 0; $i < 1000; $i++) {
    $batch .= $i % 3 === 0 ? "ECHO v$i\r\n" : resp_command('ECHO', "v$i");
}
fwrite($c, $batch);
$bad = 0;
for ($i = 0; $i < 1000; $i++) {
    $want = Server::format(Server::STRING, "v$i");
    $got = resp_read_reply($c);
    if ($got !== $want) {
        $bad++;
        if ($bad < 3) echo "reply $i: ", json_encode($got), "\n";
    }
}
echo "mismatches: $bad\n";

// Handlers that yield (different lengths): replies still in request order.
$batch = '';
for ($i = 0; $i < 50; $i++) {
    $batch .= $i % 2 ? resp_command('SLOWECHO', "s$i") : resp_command('ECHO', "e$i");
}
fwrite($c, $batch . resp_command('NOSUCH'));
$got = [];
for ($i = 0; $i < 50; $i++) $got[] = trim(substr(resp_read_reply($c), 4));
echo implode(' ', array_slice($got, 0, 6)), ' ... ', $got[49], "\n";
echo json_encode(resp_read_reply($c)), "\n";

// A command split over many writes (one byte at a time) then two at once.
$cmd = resp_command('ARGS', 'a', "b\r\nc", '');
foreach (str_split($cmd) as $byte) {
    fwrite($c, $byte);
    usleep(200);
}
echo json_encode(resp_read_reply($c)), "\n";
fwrite($c, resp_command('ARGS') . resp_command('ARGS', 'x'));
echo json_encode(resp_read_reply($c)), json_encode(resp_read_reply($c)), "\n";
fclose($c);
var_dump(server_stop($pid));
?>
--EXPECT--
mismatches: 0
e0 s1 e2 s3 e4 s5 ... s49
"-ERR unknown command 'NOSUCH'\r\n"
":3\r\n"
":0\r\n"":1\r\n"
int(0)
