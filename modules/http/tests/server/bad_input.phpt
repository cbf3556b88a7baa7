--TEST--
http server: bad input gets 400/413 and only that connection closes; pipelining, chunked bodies, disconnect mid-body
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/http_helper.inc';
[$pid, $port] = http_fork(function ($s, $pipe) {
    $s->on('request', function ($req, $res) use ($pipe) {
        fwrite($pipe, 'request ' . $req->server['request_uri'] . ' ' . strlen($req->getContent()) . "\n");
        $res->end($req->server['request_uri'] . ':' . $req->getContent());
    });
}, SWOOLE_BASE, ['package_max_length' => 128 * 1024]);

function bad(int $port, string $bytes): void
{
    $c = server_connect($port);
    fwrite($c, $bytes);
    $r = http_read($c);
    echo $r === false ? 'no response' : $r['status'] . ' ' . json_encode($r['raw']), ' ', http_closed($c) ? 'closed' : 'open', "\n";
    fclose($c);
    // the server goes on: a good request on a new connection
    $g = server_connect($port);
    echo http_get($g, '/ok')['body'], ' ', server_wait_line(), "\n";
    fclose($g);
}

bad($port, "FOO / HTTP/1.1\r\n\r\n");
bad($port, "GET / HTTP/1.1\r\nBad(Header: x\r\n\r\n");
bad($port, "GET / HTTP/1.1\r\nX-Big: " . str_repeat('h', 70 * 1024) . "\r\n\r\n");
bad($port, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
bad($port, "POST / HTTP/1.1\r\nContent-Length: " . (200 * 1024) . "\r\n\r\nabc");
bad($port, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" . str_repeat("8000\r\n" . str_repeat('c', 0x8000) . "\r\n", 5));

// a client that goes away in the middle of a body
$c = server_connect($port);
fwrite($c, "POST /cut HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly part");
fclose($c);
$g = server_connect($port);
echo http_get($g, '/after-cut')['body'], ' ', server_wait_line(), "\n";

// pipelined: three requests in one write, one of them chunked, answered in order
$c = server_connect($port);
fwrite($c, "GET /1 HTTP/1.1\r\n\r\nPOST /2 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
    . "POST /3 HTTP/1.1\r\nContent-Length: 2\r\n\r\nxy");
for ($i = 0; $i < 3; $i++) {
    echo http_read($c)['body'], ' ', server_wait_line(), "\n";
}
// the same, byte by byte
$all = "GET /4 HTTP/1.1\r\n\r\nPOST /5 HTTP/1.1\r\nContent-Length: 3\r\n\r\nfgh";
for ($i = 0; $i < strlen($all); $i++) {
    fwrite($c, $all[$i]);
    fflush($c);
}
for ($i = 0; $i < 2; $i++) {
    echo http_read($c)['body'], ' ', server_wait_line(), "\n";
}
var_dump(server_stop($pid));
?>
--EXPECT--
HTTP/1.1 400 Bad Request "HTTP\/1.1 400 Bad Request\r\n\r\n" closed
/ok: request /ok 0
HTTP/1.1 400 Bad Request "HTTP\/1.1 400 Bad Request\r\n\r\n" closed
/ok: request /ok 0
HTTP/1.1 400 Bad Request "HTTP\/1.1 400 Bad Request\r\n\r\n" closed
/ok: request /ok 0
HTTP/1.1 400 Bad Request "HTTP\/1.1 400 Bad Request\r\n\r\n" closed
/ok: request /ok 0
HTTP/1.1 413 Request Entity Too Large "HTTP\/1.1 413 Request Entity Too Large\r\n\r\n" closed
/ok: request /ok 0
HTTP/1.1 413 Request Entity Too Large "HTTP\/1.1 413 Request Entity Too Large\r\n\r\n" closed
/ok: request /ok 0
/after-cut: request /after-cut 0
/1: request /1 0
/2:abcde request /2 5
/3:xy request /3 2
/4: request /4 0
/5:fgh request /5 3
int(0)
