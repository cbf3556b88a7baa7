--TEST--
http2: trailer(), ping(), goaway() seen by nghttp -v; write() and getData() refused; ping() on HTTP/1
--SKIPIF--
<?php if (!shell_exec('command -v nghttp') || !shell_exec('command -v curl')) die('skip nghttp/curl not found'); ?>
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/h2_helper.inc';
[$pid, $port] = h2_fork(function ($s, $pipe) {
    $s->on('request', function ($req, $res) use ($pipe) {
        switch ($req->server['request_uri']) {
        case '/trailer':
            $res->header('trailer', 'x-checksum');
            fwrite($pipe, 'trailer: ' . var_export($res->trailer('X-Checksum', 'abc123'), true) . "\n");
            $res->end('body');
            break;
        case '/ping':
            fwrite($pipe, 'ping: ' . var_export($res->ping(), true) . "\n");
            $res->end('pinged');
            break;
        case '/goaway':
            fwrite($pipe, 'goaway: ' . var_export($res->goaway(0, 'bye'), true) . "\n");
            $res->end('last');
            break;
        case '/refused':
            fwrite($pipe, 'write: ' . var_export($res->write('x'), true) . "\n");
            fwrite($pipe, 'getData: ' . var_export($req->getData(), true) . "\n");
            $res->end('done');
            fwrite($pipe, 'end again: ' . var_export($res->end('again'), true) . "\n");
            break;
        case '/settings':
            $res->end('s');
            break;
        case '/h1':
            fwrite($pipe, 'h1 ping: ' . var_export($res->ping(), true) . "\n");
            $res->end('h1');
            break;
        }
    });
}, SWOOLE_BASE, ['http2_max_concurrent_streams' => 33, 'http2_init_window_size' => 70000,
                 'http2_max_frame_size' => 20000, 'http2_max_header_list_size' => 9000, 'http2_header_table_size' => 2048]);
$base = "http://127.0.0.1:$port";
// the http2_* options are our SETTINGS
$v = h2_run("nghttp -v -t 10 $base/settings");
preg_match('/recv SETTINGS frame <length=\d+, flags=0x00, stream_id=0>\n\s+\(niv=(\d+)\)\n((?:\s+\[SETTINGS_[A-Z_]+\(0x\d+\):\d+\]\n)+)/', $v, $m);
echo isset($m[2]) ? preg_replace('/\s+/', ' ', trim($m[2])) : $v, "\n";
$v = h2_run("nghttp -v -t 10 $base/trailer");
// the trailer comes in a HEADERS frame with END_STREAM after the DATA
preg_match('/recv DATA frame[^\n]*\n(.*)/s', $v, $m);
echo preg_match('/recv \(stream_id=\d+\) x-checksum: abc123\n[^\n]*recv HEADERS frame <length=\d+, flags=0x05/', $m[1] ?? '') ? "trailer after DATA\n" : $v;
echo server_wait_line(), "\n";
$v = h2_run("nghttp -v -t 10 $base/ping");
echo preg_match('/recv PING frame <length=8, flags=0x00/', $v) ? "PING received\n" : $v;
echo server_wait_line(), "\n";
$v = h2_run("nghttp -v -t 10 $base/goaway");
echo preg_match('/recv GOAWAY frame <[^>]*>\s*\(last_stream_id=\d+, error_code=NO_ERROR\(0x00\), opaque_data\(3\)=\[bye\]\)/', $v) ? "GOAWAY received\n" : $v;
echo preg_match('/\nlast/', $v) ? "answered after GOAWAY\n" : $v;
echo server_wait_line(), "\n";
echo h2_run("curl -s --http2-prior-knowledge $base/refused"), "\n";
for ($i = 0; $i < 6; $i++) echo server_wait_line(), "\n";
echo h2_run("curl -s --http1.1 $base/h1"), "\n";
echo server_wait_line(), "\n", server_wait_line(), "\n";
var_dump(server_stop($pid));
?>
--EXPECTF--
[SETTINGS_HEADER_TABLE_SIZE(0x01):2048] [SETTINGS_MAX_CONCURRENT_STREAMS(0x03):33] [SETTINGS_INITIAL_WINDOW_SIZE(0x04):70000] [SETTINGS_MAX_FRAME_SIZE(0x05):20000] [SETTINGS_MAX_HEADER_LIST_SIZE(0x06):9000]
trailer after DATA
trailer: true
PING received
ping: true
GOAWAY received
answered after GOAWAY
goaway: true
done
warning: Swoole\Http\Response::write(): HTTP2 client does not support HTTP-CHUNK
write: false
warning: Swoole\Http\Request::getData(): the raw data of an HTTP/2 request is not available
getData: false
warning: Swoole\Http\Response::end(): http response is unavailable (maybe it has been ended or detached)
end again: false
h1
warning: Swoole\Http\Response::ping(): fd[%d] is not a HTTP2 conncetion
h1 ping: false
int(0)
