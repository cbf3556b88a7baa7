--TEST--
Co\Http2\Client: refused connect, GOAWAY from the server, RST_STREAM, peer close, outside a coroutine
--FILE--
<?php
function frame(int $type, int $flags, int $stream, string $payload): string {
    return substr(pack('N', strlen($payload)), 1) . chr($type) . chr($flags) . pack('N', $stream) . $payload;
}

// A tiny HTTP/2 "server": reads the preface until the HEADERS of stream 1
// arrived, answers SETTINGS, then runs $script.
function tiny_server(callable $script): int {
    $l = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $l->bind('127.0.0.1', 0);
    $l->listen();
    go(function () use ($l, $script) {
        $conn = $l->accept(10);
        $seen = '';
        while (strlen($seen) < 24 || !preg_match('/\x01[\x00-\xff]\x00\x00\x00\x01/s', substr($seen, 24))) {
            $d = $conn->recv(65536, 10);
            if ($d === '' || $d === false) return;
            $seen .= $d;
        }
        $conn->sendAll(frame(SWOOLE_HTTP2_TYPE_SETTINGS, 0, 0, ''));
        $script($conn);
        $l->close();
    });
    return $l->getsockname()['port'];
}

var_dump(SWOOLE_HTTP2_TYPE_GOAWAY, SWOOLE_HTTP2_TYPE_CONTINUATION, SWOOLE_HTTP2_ERROR_ENHANCE_YOUR_CALM, SWOOLE_HTTP2_ERROR_INADEQUATE_SECURITY);

Co\run(function () {
    // Nothing listens there.
    $s = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $s->bind('127.0.0.1', 0);
    $closed = $s->getsockname()['port'];
    $s->close();
    $c = new Co\Http2\Client('127.0.0.1', $closed);
    var_dump($c->connect(), $c->errCode, $c->errMsg, $c->connected);

    // GOAWAY: recv fails with its code and debug data.
    $port = tiny_server(function ($conn) {
        $conn->sendAll(frame(SWOOLE_HTTP2_TYPE_GOAWAY, 0, 0, pack('NN', 0, SWOOLE_HTTP2_ERROR_ENHANCE_YOUR_CALM) . 'calm down'));
        $conn->recv(65536, 5);
    });
    $c = new Co\Http2\Client('127.0.0.1', $port);
    var_dump($c->connect(), $c->send(new Swoole\Http2\Request));
    var_dump($c->recv(5), $c->errCode, $c->errMsg, $c->serverLastStreamId, $c->connected);
    var_dump($c->recv(1), $c->errCode);

    // RST_STREAM: the stream's response carries the code.
    $port = tiny_server(function ($conn) {
        $conn->sendAll(frame(SWOOLE_HTTP2_TYPE_RST_STREAM, 0, 1, pack('N', SWOOLE_HTTP2_ERROR_CANCEL)));
        $conn->recv(65536, 5);
    });
    $c = new Co\Http2\Client('127.0.0.1', $port);
    var_dump($c->connect(), $c->send(new Swoole\Http2\Request));
    $r = $c->recv(5);
    var_dump($r->streamId, $r->statusCode, $r->errCode, $r->headers, $c->connected);
    $c->close();

    // The peer closes without a word.
    $port = tiny_server(function ($conn) {
        $conn->close();
    });
    $c = new Co\Http2\Client('127.0.0.1', $port);
    var_dump($c->connect(), $c->send(new Swoole\Http2\Request));
    var_dump($c->recv(5), $c->errCode, $c->connected);

    // Garbage instead of frames: a protocol error, connection closed.
    $port = tiny_server(function ($conn) {
        $conn->sendAll(frame(SWOOLE_HTTP2_TYPE_SETTINGS, 0, 0, 'abc'));  // length not a multiple of 6
        $conn->recv(65536, 5);
    });
    $c = new Co\Http2\Client('127.0.0.1', $port);
    var_dump($c->connect(), $c->send(new Swoole\Http2\Request));
    var_dump($c->recv(5), $c->errCode, $c->connected);
});

$c = new Swoole\Coroutine\Http2\Client('127.0.0.1', 1);
$c->connect();
?>
--EXPECTF--
int(7)
int(9)
int(11)
int(12)
bool(false)
int(111)
string(18) "Connection refused"
bool(false)
bool(true)
int(1)
bool(false)
int(11)
string(9) "calm down"
int(0)
bool(false)
bool(false)
int(5001)
bool(true)
int(1)
int(1)
int(-3)
int(8)
NULL
bool(true)
bool(true)
int(1)
bool(false)
int(104)
bool(false)
bool(true)
int(1)
bool(false)
int(%d)
bool(false)

Fatal error: Uncaught Swoole\Error: API must be called in the coroutine in %s:%d
Stack trace:
#0 %s(%d): Swoole\Coroutine\Http2\Client->connect()
#1 {main}
  thrown in %s on line %d
