--TEST--
Co\Http2\Client: GET a file from nghttpd (h2c), stats, ping, isStreamExist, recv timeout, errors before connect
--FILE--
<?php
require __DIR__ . '/include/peers.inc';
$dir = h2_temp_dir();
$payload = random_bytes(70000);
file_put_contents("$dir/file.bin", $payload);
$port = h2_nghttpd($dir);

try {
    new Swoole\Coroutine\Http2\Client('');
} catch (Swoole\Coroutine\Http2\Client\Exception $e) {
    var_dump(get_class($e), $e->getMessage(), $e->getCode(), $e instanceof Swoole\Exception);
}

Co\run(function () use ($port, $payload) {
    $c = new Swoole\Coroutine\Http2\Client('127.0.0.1', $port);
    // Not connected yet.
    var_dump($c->send(new Swoole\Http2\Request), $c->errCode, $c->errMsg);
    var_dump($c->isStreamExist(0), $c->connected, $c->sock);

    var_dump($c->connect(), $c->connected, $c->sock > 0, $c->isStreamExist(0), $c->isStreamExist(-1));
    $req = new Swoole\Http2\Request;
    $req->path = '/file.bin';
    $req->headers = ['User-Agent' => 'h2-test', 'X-Empty' => null];
    $id = $c->send($req);
    var_dump($id, $c->isStreamExist($id), $c->stats('current_stream_id'), $c->stats('active_stream_num'));
    $r = $c->recv(10);
    var_dump(get_class($r), $r->streamId, $r->statusCode, $r->errCode, $r->pipeline);
    var_dump($r->data === $payload, $r->headers['content-length'], $r->set_cookie_headers, $r->cookies);
    var_dump($c->isStreamExist($id), $c->stats('active_stream_num'));

    // 404 is a response like any other.
    $id2 = h2_get($c, '/missing');
    $r = $c->recv(10);
    var_dump($id2, $r->streamId, $r->statusCode);

    var_dump($c->ping());
    $stats = $c->stats();
    var_dump(array_keys($stats), array_keys($stats['local_settings']));
    var_dump($stats['current_stream_id'], $stats['last_stream_id'], $stats['local_settings']['init_window_size']);
    var_dump($stats['remote_settings']['max_frame_size'] >= 16384, $c->stats('no such key'));

    // Nothing pending: a timeout, the connection stays usable.
    $t = microtime(true);
    var_dump($c->recv(0.1), $c->errCode, $c->errMsg);
    var_dump(microtime(true) - $t < 2, $c->connected);
    $id3 = h2_get($c, '/file.bin');
    var_dump($id3, $c->recv(10)->data === $payload);

    var_dump($c->close(), $c->connected, $c->sock, $c->close());
    var_dump($c->send(new Swoole\Http2\Request), $c->errCode, $c->ping(), $c->isStreamExist(0));
    // Reconnect on the same object.
    var_dump($c->connect(), h2_get($c, '/file.bin'), $c->recv(10)->statusCode);
});
?>
--EXPECT--
string(39) "Swoole\Coroutine\Http2\Client\Exception"
string(13) "host is empty"
int(505)
bool(true)
bool(false)
int(5001)
string(33) "client is not connected to server"
bool(false)
bool(false)
int(-1)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
int(1)
bool(true)
int(3)
int(1)
string(21) "Swoole\Http2\Response"
int(1)
int(200)
int(0)
bool(false)
bool(true)
string(5) "70000"
array(0) {
}
array(0) {
}
bool(false)
int(0)
int(3)
int(3)
int(404)
bool(true)
array(5) {
  [0]=>
  string(17) "current_stream_id"
  [1]=>
  string(14) "last_stream_id"
  [2]=>
  string(14) "local_settings"
  [3]=>
  string(15) "remote_settings"
  [4]=>
  string(17) "active_stream_num"
}
array(5) {
  [0]=>
  string(17) "header_table_size"
  [1]=>
  string(16) "init_window_size"
  [2]=>
  string(22) "max_concurrent_streams"
  [3]=>
  string(14) "max_frame_size"
  [4]=>
  string(20) "max_header_list_size"
}
int(5)
int(3)
int(65535)
bool(true)
NULL
bool(false)
int(110)
string(20) "Connection timed out"
bool(true)
bool(true)
int(5)
bool(true)
bool(true)
bool(false)
int(-1)
bool(false)
bool(false)
int(5001)
bool(false)
bool(false)
bool(true)
int(1)
int(200)
