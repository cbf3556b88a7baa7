--TEST--
Co\Http2\Client: Co::set http2_* SETTINGS, usePipelineRead with recv(), a second reader, close() while a coroutine waits
--FILE--
<?php
require __DIR__ . '/include/peers.inc';
$dir = h2_temp_dir();
$big = random_bytes(300000);
file_put_contents("$dir/big.bin", $big);
$port = h2_nghttpd($dir);

Co::set(['http2_initial_window_size' => 1 << 20, 'http2_max_concurrent_streams' => 50, 'http2_max_frame_size' => 32768]);
Co\run(function () use ($port, $big) {
    $c = new Co\Http2\Client('127.0.0.1', $port);
    var_dump($c->set(['timeout' => 10]), $c->setting);
    var_dump($c->connect());
    $local = $c->stats('local_settings');
    var_dump($local['init_window_size'], $local['max_concurrent_streams'], $local['max_frame_size']);

    // usePipelineRead: recv() hands out the body in parts.
    $req = new Swoole\Http2\Request;
    $req->path = '/big.bin';
    $req->usePipelineRead = true;
    $id = $c->send($req);
    $data = '';
    $first = null;
    do {
        $r = $c->recv();
        if ($r === false) { echo "recv failed {$c->errCode}\n"; break; }
        $first ??= $r;
        $data .= $r->data;
    } while ($r->pipeline);
    var_dump($first->statusCode, $first->pipeline, $r->streamId === $id, $data === $big);

    // One reader at a time; close() wakes the waiting one.
    $waiting = new Co\Channel(1);
    $done = new Co\Channel(1);
    go(function () use ($c, $waiting, $done) {
        $waiting->push(true);
        $r = $c->recv(10);
        $done->push([$r, $c->connected]);
    });
    $waiting->pop();
    var_dump($c->recv(0.5), $c->errCode);
    $t = microtime(true);
    var_dump($c->close());
    [$r, $connected] = $done->pop(5);
    var_dump($r, $connected, microtime(true) - $t < 3);
    var_dump($c->recv(0.1), $c->errCode, $c->errMsg);
    // Usable again after a reconnect.
    var_dump($c->connect(), h2_get($c, '/big.bin'), $c->recv()->data === $big);
});
?>
--EXPECT--
bool(true)
array(1) {
  ["timeout"]=>
  int(10)
}
bool(true)
int(1048576)
int(50)
int(32768)
int(200)
bool(true)
bool(true)
bool(true)
bool(false)
int(10002)
bool(true)
bool(false)
bool(false)
bool(true)
bool(false)
int(5001)
string(33) "client is not connected to server"
bool(true)
int(1)
bool(true)
