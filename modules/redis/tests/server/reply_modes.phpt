--TEST--
redis server: a returned string is the reply with and without enable_coroutine (4.8 dropped it with coroutines); send() from the handler; other return values send nothing
--INI--
swoole.modules=redis
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
require __DIR__ . '/redis_test.inc';
use Swoole\Redis\Server;
foreach ([true, false] as $coroutine) {
    [$pid, $port] = server_fork(function () use ($coroutine) {
        $server = new Server('127.0.0.1', 0, SWOOLE_BASE);
        $server->set(['worker_num' => 1, 'enable_coroutine' => $coroutine, 'log_level' => SWOOLE_LOG_WARNING]);
        $server->setHandler('RET', fn(int $fd, array $args) => Server::format(Server::STATUS));
        $server->setHandler('SEND', function (int $fd, array $args) use ($server) {
            return $server->send($fd, Server::format(Server::INT, $fd > 0 ? 1 : 0));  // a bool: not sent
        });
        $server->setHandler('NONE', fn(int $fd, array $args) => 5);
        $server->setHandler('CO', fn() => Server::format(Server::INT, Swoole\Coroutine::getCid() > 0 ? 1 : 0));
        $server->setHandler('ARGS', fn(int $fd, array $args) => Server::format(Server::SET, $args));
        return $server;
    });
    $c = server_connect($port);
    fwrite($c, resp_command('RET') . resp_command('SEND') . resp_command('NONE') . resp_command('CO')
        . resp_command('args', '1', 'two'));
    $replies = [];
    for ($i = 0; $i < 3; $i++) $replies[] = resp_read_reply($c);
    echo ($coroutine ? 'coroutine: ' : 'plain: '), json_encode($replies), "\n";
    echo json_encode(resp_read_reply($c)), "\n";
    fclose($c);
    var_dump(server_stop($pid));
}
?>
--EXPECT--
coroutine: ["+OK\r\n",":1\r\n",":1\r\n"]
"*2\r\n$1\r\n1\r\n$3\r\ntwo\r\n"
int(0)
plain: ["+OK\r\n",":1\r\n",":0\r\n"]
"*2\r\n$1\r\n1\r\n$3\r\ntwo\r\n"
int(0)
