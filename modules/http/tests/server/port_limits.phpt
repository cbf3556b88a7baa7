--TEST--
http server: package_max_length per port (each port's own set()): 413 only on the port with the small limit
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/http_helper.inc';
[$pid, $port] = http_fork(function ($s, $pipe) {
    $small = $s->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
    $small->set(['open_http_protocol' => true, 'package_max_length' => 100 * 1024]);
    $s->on('workerStart', function () use ($pipe, $small) {
        fwrite($pipe, "small {$small->port}\n");
    });
    $s->on('request', function ($req, $res) {
        $res->end($req->server['server_port'] . ' ' . strlen($req->getContent()));
    });
}, SWOOLE_BASE, ['package_max_length' => 1024 * 1024]);
[, $small] = explode(' ', server_wait_line());
$small = (int) $small;

// $head_only: the refusal comes from Content-Length alone, no body is sent
function post(int $port, int $length, bool $chunked = false, bool $head_only = false): string
{
    $c = server_connect($port);
    $body = str_repeat('b', $length);
    if ($chunked) {
        $req = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        foreach (str_split($body, 16 * 1024) as $piece) {
            $req .= dechex(strlen($piece)) . "\r\n$piece\r\n";
        }
        $req .= "0\r\n\r\n";
    } else {
        $req = "POST / HTTP/1.1\r\nContent-Length: $length\r\n\r\n" . ($head_only ? '' : $body);
    }
    @fwrite($c, $req);  // a refused body may meet a closed connection
    $r = http_read($c);
    $out = $r === false ? 'no response' : $r['status'] . ' ' . $r['body'];
    if ($r !== false && $r['status'] !== 'HTTP/1.1 200 OK') {
        $out .= http_closed($c) ? ' closed' : ' open';
    }
    fclose($c);
    return $out;
}

echo str_replace((string) $port, 'MAIN', post($port, 120 * 1024)), "\n";
echo str_replace((string) $small, 'SMALL', post($small, 120 * 1024, false, true)), "\n";
echo str_replace((string) $small, 'SMALL', post($small, 90 * 1024)), "\n";
echo str_replace((string) $port, 'MAIN', post($port, 120 * 1024, true)), "\n";
echo str_replace((string) $small, 'SMALL', post($small, 120 * 1024, true)), "\n";
echo str_replace((string) $port, 'MAIN', post($port, 1100 * 1024, false, true)), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
HTTP/1.1 200 OK MAIN 122880
HTTP/1.1 413 Request Entity Too Large  closed
HTTP/1.1 200 OK SMALL 92160
HTTP/1.1 200 OK MAIN 122880
HTTP/1.1 413 Request Entity Too Large  closed
HTTP/1.1 413 Request Entity Too Large  closed
int(0)
