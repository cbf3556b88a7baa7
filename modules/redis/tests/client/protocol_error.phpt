--TEST--
redis client: a server that is not Redis (connect true, then a protocol error), and one going away mid-reply
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
Co\run(function () {
    [$server, $port] = fake_listener();
    go(function () use ($server) {
        // 1: an HTTP server's answer
        $conn = $server->accept(5);
        $conn->recv(8192, 5);
        $conn->sendAll("HTTP/1.1 400 Bad Request\r\n\r\n");
        // 2: half of a reply, then gone
        $conn = $server->accept(5);
        $conn->recv(8192, 5);
        $conn->sendAll("*2\r\n\$5\r\nhello\r\n\$10\r\nabc");
        $conn->close();
        // 3: the reconnect the next command makes; this time a whole reply
        $conn = $server->accept(5);
        $conn->recv(8192, 5);
        $conn->sendAll("\$5\r\nworld\r\n");
        $conn->recv(8192, 5);  // until the client closes
    });
    $redis = new Co\Redis();
    var_dump($redis->connect('127.0.0.1', $port));
    var_dump($redis->set('k', 'v'));
    var_dump($redis->errType === SWOOLE_REDIS_ERR_PROTOCOL, $redis->errCode, $redis->errMsg, $redis->connected);

    var_dump($redis->lRange('k', 0, -1));  // a new connection: the implicit connect
    var_dump($redis->errType === SWOOLE_REDIS_ERR_EOF, $redis->errCode === SOCKET_ECONNRESET, $redis->errMsg, $redis->connected, $redis->sock);

    var_dump($redis->get('k'), $redis->connected, $redis->errType);
    $redis->close();
    $server->close();
});
?>
--EXPECT--
bool(true)
bool(false)
bool(true)
int(71)
string(42) "Protocol error, got "H" as reply type byte"
bool(false)
bool(false)
bool(true)
bool(true)
string(28) "Server closed the connection"
bool(false)
int(-1)
string(5) "world"
bool(true)
int(0)
