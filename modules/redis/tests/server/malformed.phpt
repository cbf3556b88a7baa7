--TEST--
redis server: malformed RESP closes only that connection (after an -ERR Protocol error reply); others keep being served
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
    $server->set(['worker_num' => 1, 'log_file' => $log]);
    $server->setHandler('PING', fn() => Server::format(Server::STATUS, 'PONG'));
    return $server;
});
$keeper = server_connect($port);
fwrite($keeper, resp_command('PING'));
echo json_encode(resp_read_reply($keeper)), "\n";

$bad = [
    "*1\r\n:5\r\n",                 // an integer item
    "*2\r\n\$4\r\nPING\r\n\$-1\r\n",  // a nil item
    "*x\r\n",                       // not a count
    "*1\r\n\$4\r\nPINGxx",            // no CRLF after the bulk
    "SET \"open quote\r\n",         // inline with unbalanced quotes
    "*1\r\n\$2\r\n",                  // (completed below) a bulk length line
];
foreach (array_slice($bad, 0, 5) as $i => $data) {
    $c = server_connect($port);
    fwrite($c, resp_command('PING') . $data);
    echo $i, ': ', json_encode(resp_read_reply($c)), ' ', json_encode(resp_read_reply($c)), ' closed=';
    var_dump(resp_closed($c));
    fclose($c);
    // The other connection is untouched.
    fwrite($keeper, "PING\r\n");
    if (resp_read_reply($keeper) !== "+PONG\r\n") echo "keeper lost\n";
}
var_dump(redis_log_wait($log, 'redis protocol error: expected \'$\''));
fclose($keeper);
var_dump(server_stop($pid));
?>
--EXPECT--
"+PONG\r\n"
0: "+PONG\r\n" "-ERR Protocol error: expected '$'\r\n" closed=bool(true)
1: "+PONG\r\n" "-ERR Protocol error: invalid bulk length\r\n" closed=bool(true)
2: "+PONG\r\n" "-ERR Protocol error: invalid multibulk length\r\n" closed=bool(true)
3: "+PONG\r\n" "-ERR Protocol error: bulk string not terminated by CRLF\r\n" closed=bool(true)
4: "+PONG\r\n" "-ERR Protocol error: unbalanced quotes in request\r\n" closed=bool(true)
bool(true)
int(0)
