--TEST--
Coroutine\Http\Client failures: closed port -1/111, silent server -2/110, short body -3/104, reconnect after the server closed a kept connection, bad responses, argument errors
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/client_helper.inc';
try {
    new Co\Http\Client('');
} catch (Swoole\Coroutine\Http\Client\Exception $e) {
    var_dump(get_class($e), $e->getMessage(), $e->getCode(), $e instanceof Swoole\Exception);
}
var_dump(SWOOLE_HTTP_CLIENT_ESTATUS_CONNECT_FAILED, SWOOLE_HTTP_CLIENT_ESTATUS_REQUEST_TIMEOUT,
    SWOOLE_HTTP_CLIENT_ESTATUS_SERVER_RESET, SWOOLE_HTTP_CLIENT_ESTATUS_SEND_FAILED);
$c = new Swoole\Coroutine\Http\Client('localhost');
var_dump($c->port, $c->set([]), $c->set(['socket_buffer_size' => 0]), $c->setting);

Co\run(function () {
    $closed = free_port();
    $c = new Co\Http\Client('127.0.0.1', $closed);
    var_dump($c->get('/'), $c->statusCode, $c->errCode, $c->errMsg, $c->connected, swoole_last_error());

    // A server that accepts and never answers.
    [$port, $stop] = raw_server(function ($conn) {
        raw_read_head($conn);
        $conn->recv(1, 5);
    });
    $c = new Co\Http\Client('127.0.0.1', $port);
    $c->set(['timeout' => 0.3]);
    $t = microtime(true);
    var_dump($c->get('/'), $c->statusCode, $c->errCode, $c->errMsg, $c->connected);
    var_dump(microtime(true) - $t < 2);
    $stop();

    // A server that closes in the middle of the body; then one closing before any byte.
    [$port, $stop] = raw_server(function ($conn, $n) {
        raw_read_head($conn);
        if ($n == 1) {
            $conn->send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part");
        }
        $conn->close();
    });
    $c = new Co\Http\Client('127.0.0.1', $port);
    var_dump($c->get('/'), $c->statusCode, $c->errCode, $c->errMsg, $c->body);
    var_dump($c->get('/'), $c->statusCode, $c->errCode);
    $stop();

    // Garbage instead of HTTP; then a body delimited by the close.
    [$port, $stop] = raw_server(function ($conn, $n) {
        raw_read_head($conn);
        $conn->send($n == 1 ? "SMTP ready\r\n\r\n" : "HTTP/1.0 200 OK\r\nX-A: 1\r\n\r\nuntil close");
        $conn->close();
    });
    $c = new Co\Http\Client('127.0.0.1', $port);
    var_dump($c->get('/'), $c->statusCode, $c->errCode, $c->errMsg);
    var_dump($c->get('/'), $c->statusCode, $c->body, $c->connected);
    $stop();

    // The server drops each kept-alive connection once idle: reconnect (default 1).
    [$port, $stop] = raw_server(function ($conn, $n) {
        raw_read_head($conn);
        $conn->send("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n$n");
        Swoole\Coroutine::sleep(0.05);
        $conn->close();
    });
    $c = new Co\Http\Client('127.0.0.1', $port);
    var_dump($c->get('/'), $c->body, $c->connected);
    Swoole\Coroutine::sleep(0.2);
    var_dump($c->get('/'), $c->body);
    // reconnect => 0: a dead kept connection is an error
    $c2 = new Co\Http\Client('127.0.0.1', $port);
    $c2->set(['reconnect' => 0]);
    var_dump($c2->get('/'), $c2->body);
    Swoole\Coroutine::sleep(0.2);
    var_dump($c2->get('/'), $c2->statusCode, $c2->errCode, $c2->errMsg);
    $stop();

    // Argument errors
    $c->close();
    var_dump($c->get(''));
    var_dump($c->addFile('/nonexistent/file', 'f'));
    $empty = tempnam(sys_get_temp_dir(), 'h1');
    var_dump($c->addFile($empty, 'f'));
    file_put_contents($empty, '12345');
    var_dump($c->addFile($empty, 'f', null, null, 5), $c->addFile($empty, 'f', null, null, 1, 5));
    unlink($empty);
    var_dump($c->push('x'), $c->errCode, $c->errMsg, $c->statusCode);
    var_dump($c->recv());
    var_dump($c->getsockname(), $c->getPeerCert());
});
(new Co\Http\Client('127.0.0.1', 1))->get('/');
?>
--EXPECTF--
string(38) "Swoole\Coroutine\Http\Client\Exception"
string(13) "host is empty"
int(22)
bool(true)
int(-1)
int(-2)
int(-3)
int(-4)

Warning: Swoole\Coroutine\Http\Client::set(): socket buffer size must be greater than 0, got 0 in %s on line %d
int(0)
bool(false)
bool(false)
array(1) {
  ["socket_buffer_size"]=>
  int(0)
}
bool(false)
int(-1)
int(111)
string(18) "Connection refused"
bool(false)
int(111)
bool(false)
int(-2)
int(110)
string(20) "Connection timed out"
bool(false)
bool(true)
bool(false)
int(-3)
int(104)
string(24) "Connection reset by peer"
string(0) ""
bool(false)
int(-3)
int(104)
bool(false)
int(-3)
int(7102)
string(21) "Http invalid protocol"
bool(true)
int(200)
string(11) "until close"
bool(false)
bool(true)
string(1) "1"
bool(true)
bool(true)
string(1) "2"
bool(true)
string(1) "3"
bool(false)
int(-3)
int(5001)
string(27) "connection is not available"

Warning: Swoole\Coroutine\Http\Client::get(): path is empty in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Http\Client::addFile(): stat(/nonexistent/file) failed, Error: No such file or directory[2] in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Http\Client::addFile(): cannot send empty file[%s] in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Http\Client::addFile(): parameter $offset[5] exceeds the file size in %s on line %d

Warning: Swoole\Coroutine\Http\Client::addFile(): parameter $length[5] exceeds the file size in %s on line %d
bool(false)
bool(false)

Warning: Swoole\Coroutine\Http\Client::push(): websocket handshake failed, cannot push data in %s on line %d
bool(false)
int(8504)
string(44) "websocket handshake failed, cannot push data"
int(-1)
bool(false)
bool(false)
bool(false)

Fatal error: Uncaught Swoole\Error: API must be called in the coroutine in %s:%d
Stack trace:
%A
