--TEST--
Co\Http2\Client: 20 concurrent streams from several coroutines, a 1 MiB download, 1 MiB POST through flow control, pipeline write()
--FILE--
<?php
require __DIR__ . '/include/peers.inc';
$dir = h2_temp_dir();
$files = [];
for ($i = 0; $i < 20; $i++) {
    $files[$i] = random_bytes(1000 + $i * 3001);
    file_put_contents("$dir/f$i.bin", $files[$i]);
}
$big = random_bytes(1 << 20);
file_put_contents("$dir/big.bin", $big);
$port = h2_nghttpd($dir, null, null, ['--echo-upload']);

Co\run(function () use ($port, $files, $big) {
    $c = new Swoole\Coroutine\Http2\Client('127.0.0.1', $port);
    $c->set(['timeout' => 20]);
    var_dump($c->connect());

    // 20 streams sent by 4 coroutines while this one receives.
    $sent = [];
    for ($k = 0; $k < 4; $k++) {
        go(function () use ($c, $k, &$sent) {
            for ($i = $k; $i < 20; $i += 4) {
                $id = h2_get($c, "/f$i.bin");
                if ($id === false) { echo "send failed: {$c->errCode}\n"; return; }
                $sent[$id] = $i;
            }
        });
    }
    $good = 0;
    $ids = [];
    for ($n = 0; $n < 20; $n++) {
        $r = $c->recv();
        if ($r === false) { echo "recv failed: {$c->errCode} {$c->errMsg}\n"; break; }
        $ids[] = $r->streamId;
        if ($r->statusCode === 200 && $r->data === $files[$sent[$r->streamId]]) $good++;
    }
    sort($ids);
    var_dump($good, $ids === range(1, 39, 2), $c->stats('active_stream_num'));

    // 1 MiB download: far beyond the 64 KiB initial windows.
    h2_get($c, '/big.bin');
    $r = $c->recv();
    var_dump($r->statusCode, strlen($r->data), $r->data === $big);

    // 1 MiB upload: nghttpd echoes it; the body waits for WINDOW_UPDATEs.
    $req = new Swoole\Http2\Request;
    $req->method = 'POST';
    $req->path = '/f0.bin';
    $req->data = $big;
    $id = $c->send($req);
    $r = $c->recv();
    var_dump($r->streamId === $id, $r->statusCode, strlen($r->data ?? ''), $r->data === $big);

    // An array body is urlencoded.
    $req = new Swoole\Http2\Request;
    $req->method = 'PUT';
    $req->path = '/f0.bin';
    $req->data = ['a' => 1, 'b' => 'x y&z'];
    $c->send($req);
    $r = $c->recv();
    var_dump($r->data, $req->headers);

    // A pipeline stream: body in pieces, the last one ends it.
    $req = new Swoole\Http2\Request;
    $req->method = 'POST';
    $req->path = '/f0.bin';
    $req->pipeline = true;
    $id = $c->send($req);
    var_dump($c->write($id, 'part1-'), $c->write($id, ['k' => 'v']), $c->write($id, str_repeat('z', 200000), true));
    $r = $c->recv();
    var_dump($r->streamId === $id, $r->data === 'part1-k=v' . str_repeat('z', 200000));
    var_dump($c->write($id, 'late'), $c->errCode, $c->errMsg);
    var_dump($c->write(99, 'x'), $c->errMsg);

    // read(): partial responses of a large body, then the end.
    h2_get($c, '/big.bin');
    $data = '';
    $parts = 0;
    do {
        $r = $c->read();
        if ($r === false) { echo "read failed\n"; break; }
        $data .= $r->data;
        $parts++;
    } while ($r->pipeline);
    var_dump($parts > 1, $data === $big);
    $c->close();
});
?>
--EXPECT--
bool(true)
int(20)
bool(true)
int(0)
int(200)
int(1048576)
bool(true)
bool(true)
int(200)
int(1048576)
bool(true)
string(13) "a=1&b=x+y%26z"
NULL
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
int(22)
string(41) "unable to found active pipeline stream#47"
bool(false)
string(41) "unable to found active pipeline stream#99"
bool(true)
bool(true)
