--TEST--
http2: a 1 MiB response through flow control (small client windows), a 1 MiB upload, HEAD, sendfile
--SKIPIF--
<?php if (!shell_exec('command -v curl') || !shell_exec('command -v nghttp')) die('skip curl/nghttp not found'); ?>
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/h2_helper.inc';
// Built in one piece: appending 64 Ki times is quadratic under ASan's realloc.
$big = implode('', array_map(fn($i) => sprintf("%015d\n", $i), range(0, 1024 * 1024 / 16 - 1)));
$file = sys_get_temp_dir() . '/swoole_h2_' . getmypid() . '.txt';
file_put_contents($file, $big);
[$pid, $port] = h2_fork(function ($s, $pipe) use ($big, $file) {
    $s->on('request', function ($req, $res) use ($big, $file) {
        switch ($req->server['request_uri']) {
        case '/big':
            $res->end($big);
            break;
        case '/upload':
            $res->end(md5($req->getContent()) . ' ' . strlen($req->getContent()));
            break;
        case '/file':
            $res->sendfile($file, 16, 32);
            break;
        default:
            $res->end('x');
        }
    });
}, SWOOLE_BASE, ['http_compression' => false, 'package_max_length' => 4 * 1024 * 1024]);
$base = "http://127.0.0.1:$port";
echo 'curl: ', md5(h2_run("curl -s --http2-prior-knowledge $base/big")) === md5($big) ? 'same' : 'different', "\n";
// 16 KiB - 1 windows on the stream and the connection: the rest waits for WINDOW_UPDATEs
echo 'nghttp: ', md5(h2_run("nghttp -t 10 -w 14 -W 14 $base/big")) === md5($big) ? 'same' : 'different', "\n";
file_put_contents("$file.up", $big);
echo h2_run("curl -s --http2-prior-knowledge --data-binary @$file.up $base/upload") === md5($big) . ' 1048576' ? 'upload same' : 'upload different', "\n";
echo h2_run("curl -s -I --http2-prior-knowledge $base/big | grep -i -E '^(HTTP|content-length)'");
echo h2_run("curl -s -i --http2-prior-knowledge $base/file | grep -v -i -E '^(date|server):'");
echo "\n";
var_dump(server_stop($pid));
unlink($file);
unlink("$file.up");
?>
--EXPECT--
curl: same
nghttp: same
upload same
HTTP/2 200 
content-length: 1048576
HTTP/2 200 
content-type: text/plain
content-length: 32

000000000000001
000000000000002

int(0)
