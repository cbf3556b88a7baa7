--TEST--
http2: protocol errors get GOAWAY with their code and close only that connection; RST_STREAM cancels one stream
--SKIPIF--
<?php if (!shell_exec('command -v curl')) die('skip curl not found'); ?>
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/h2_helper.inc';
[$pid, $port] = h2_fork(function ($s, $pipe) {
    $chan = null;
    $s->on('workerStart', function () use (&$chan) { $chan = new Swoole\Coroutine\Channel(1); });
    $s->on('request', function ($req, $res) use ($pipe, &$chan) {
        $uri = $req->server['request_uri'];
        if ($uri === '/cancel') {
            fwrite($pipe, "cancel started\n");
            $chan->pop(5);  // until /other ran (the client reset this stream meanwhile)
            fwrite($pipe, 'cancelled end: ' . var_export($res->end('late'), true) . "\n");
            return;
        }
        if ($uri === '/other') {
            $res->end('other ' . $req->streamId);
            $chan->push(1);
            return;
        }
        $res->end('fine');
    });
}, SWOOLE_BASE, ['package_max_length' => 1024 * 1024]);
$bad = [
    // an HPACK index outside both tables
    'bad HPACK' => h2_frame(1, 5, 1, "\xff\xff\xff\xff\x0f"),
    // more than the 16 KiB we announce (the worker's session refuses it)
    'frame too large' => h2_frame(0, 0, 1, str_repeat('x', 20000)),
    // more than package_max_length: refused by the reactor from the header alone
    'frame over package_max_length' => substr(pack('N', 8 * 1024 * 1024), 1) . "\x00\x00\x00\x00\x00\x01",
    // HEADERS on stream 1 again once it is closed
    'HEADERS on a closed stream' => null,
    // garbage right after the preface: no SETTINGS first
    'garbage after the preface' => "garbage garbage garbage!",
];
foreach ($bad as $what => $frames) {
    $c = server_connect($port);
    if ($frames === null) {
        $block = h2_get_block('/');
        fwrite($c, h2_preface() . h2_frame(1, 5, 1, $block));
        $got = h2_read_frames($c, 5, fn($f) => $f[0] === 0 && ($f[1] & 1));  // the response's DATA
        fwrite($c, h2_frame(1, 5, 1, $block));
        $frames = '';
    } elseif ($what === 'garbage after the preface') {
        fwrite($c, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" . $frames);
        $frames = '';
    } else {
        fwrite($c, h2_preface());
    }
    fwrite($c, $frames);
    echo "$what: ", h2_goaway(h2_read_frames($c)), ', closed: ', var_export(feof($c), true), "\n";
    fclose($c);
}
// RST_STREAM cancels its stream only
$c = server_connect($port);
fwrite($c, h2_preface() . h2_frame(1, 5, 1, h2_get_block('/cancel')));
echo server_wait_line(), "\n";
fwrite($c, h2_frame(3, 0, 1, pack('N', 8)));  // RST_STREAM CANCEL
fwrite($c, h2_frame(1, 5, 3, h2_get_block('/other')));
$frames = h2_read_frames($c, 5, fn($f) => $f[0] === 0 && $f[2] === 3 && ($f[1] & 1));
$data = array_values(array_filter($frames, fn($f) => $f[0] === 0));
echo count($data), ' DATA: ', $data[0][3], ' on stream ', $data[0][2], "\n";
echo server_wait_line(), "\n", server_wait_line(), "\n";
// the connection is still served
fwrite($c, h2_frame(1, 5, 5, h2_get_block('/again')));
$frames = h2_read_frames($c, 5, fn($f) => $f[0] === 0 && ($f[1] & 1));
echo end($frames)[3], ' on stream ', end($frames)[2], "\n";
fclose($c);
// fresh connections after all that
echo h2_run("curl -s --http2-prior-knowledge http://127.0.0.1:$port/"), ' ', h2_run("curl -s --http1.1 http://127.0.0.1:$port/"), "\n";
var_dump(server_stop($pid));

?>
--EXPECTF--
bad HPACK: GOAWAY 9, closed: true
frame too large: GOAWAY 6, closed: true
frame over package_max_length: GOAWAY 6, closed: true
HEADERS on a closed stream: GOAWAY 5, closed: true
garbage after the preface: GOAWAY 1, closed: true
cancel started
1 DATA: other 3 on stream 3
warning: Swoole\Http\Response::end(): http2 stream#1 of session#%d is gone
cancelled end: false
fine on stream 5
fine fine
int(0)
