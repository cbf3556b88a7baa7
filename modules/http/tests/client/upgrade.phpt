--TEST--
Coroutine\Http\Client::upgrade(): the WebSocket handshake against tiny PHP peers (right accept, wrong accept, no switch); push/recv afterwards without a websocket module
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/client_helper.inc';
Co\run(function () {
    $heads = [];
    [$port, $stop] = raw_server(function ($conn, $n) use (&$heads) {
        $head = raw_read_head($conn);
        $heads[$n] = $head;
        preg_match('/Sec-WebSocket-Key: (\S+)/', $head, $m);
        $accept = base64_encode(sha1($m[1] . '258EAFA5-E914-47DA-95CA-C5AB0DC85B11', true));
        if ($n == 1) {
            // the right answer, and a frame right behind the head
            $conn->send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                . "Sec-WebSocket-Accept: $accept\r\n\r\n\x81\x02hi");
            $conn->recv(1, 5);
        } elseif ($n == 2) {
            $conn->send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                . "Sec-WebSocket-Accept: AAAA$accept\r\n\r\n");
            $conn->recv(1, 5);
        } else {
            $conn->send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nno");
            $conn->recv(1, 5);
        }
    });
    $c = new Co\Http\Client('127.0.0.1', $port);
    $c->setDefer();
    var_dump($c->upgrade('/ws?x=1'), $c->statusCode, $c->getDefer(), $c->connected);
    $head = $heads[1];
    var_dump(strpos($head, "GET /ws?x=1 HTTP/1.1\r\n") === 0);
    foreach (['Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13'] as $h) {
        var_dump(strpos($head, "\r\n$h\r\n") !== false);
    }
    preg_match('/Sec-WebSocket-Key: (\S+)/', $head, $m);
    var_dump(strlen(base64_decode($m[1])));
    var_dump($c->upgrade('/again'));  // already upgraded
    // frames belong to the websocket module: with none loaded, no pretending
    var_dump($c->push('hello'), $c->errCode, $c->errMsg);
    var_dump($c->recv(0.1), $c->errCode, $c->errMsg);

    $c = new Co\Http\Client('127.0.0.1', $port);
    var_dump($c->upgrade('/'), $c->statusCode, $c->errCode, $c->errMsg, $c->connected);
    var_dump($c->push('x'), $c->errCode);

    $c = new Co\Http\Client('127.0.0.1', $port);
    var_dump($c->upgrade('/'), $c->statusCode, $c->body, $c->errCode);
    $c->close();
    $stop();
});
?>
--EXPECTF--
bool(true)
int(101)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
int(16)
bool(true)
bool(false)
int(8505)
string(30) "websocket module is not loaded"
bool(false)
int(8506)
string(30) "websocket module is not loaded"
bool(false)
int(101)
int(8504)
string(%d) "websocket handshake failed: wrong Sec-WebSocket-Accept"
bool(false)

Warning: Swoole\Coroutine\Http\Client::push(): websocket handshake failed, cannot push data in %s on line %d
bool(false)
int(8504)
bool(false)
int(200)
string(2) "no"
int(0)
