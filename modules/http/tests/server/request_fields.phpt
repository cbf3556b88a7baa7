--TEST--
http server: Request fields (header, server, get, cookie, post, content) and keep-alive on one connection
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/http_helper.inc';
[$pid, $port] = http_fork(function ($s, $pipe) {
    $s->on('request', function (Swoole\Http\Request $req, Swoole\Http\Response $res) {
        $srv = $req->server;
        $out = [
            'keys' => implode(',', array_keys($srv)),
            'method' => $srv['request_method'] . ' ' . $req->getMethod(),
            'uri' => $srv['request_uri'] . ' ' . $srv['path_info'],
            'query' => $srv['query_string'] ?? null,
            'proto' => $srv['server_protocol'],
            'addr' => $srv['remote_addr'],
            'types' => gettype($srv['request_time']) . ' ' . gettype($srv['request_time_float']) . ' ' . gettype($srv['server_port']),
            'fd' => $req->fd, 'stream' => $req->streamId,
            'header' => $req->header, 'get' => $req->get, 'cookie' => $req->cookie, 'post' => $req->post,
            'content' => $req->getContent(), 'raw' => $req->rawContent() === $req->getContent(),
            'data_starts' => substr($req->getData(), 0, 8),
        ];
        $res->header('Content-Type', 'application/json');
        $res->end(json_encode($out));
    });
});
$c = server_connect($port);
$r = http_get($c, '/p/q?a[]=1&a[]=2&b.c=3', ['X-Custom' => 'v1', 'Cookie' => 'sid=a%20b; t=2', 'Dup' => 'one']);
echo $r['status'], "\n";
$j = json_decode($r['body'], true);
echo $j['keys'], "\n", $j['method'], "\n", $j['uri'], "\n", $j['query'], "\n", $j['proto'], ' ', $j['addr'], ' ', $j['types'], "\n";
var_dump($j['fd'] > 0, $j['stream']);
echo json_encode($j['header']), "\n", json_encode($j['get']), "\n", json_encode($j['cookie']), "\n";
var_dump($j['post'], $j['content'], $j['data_starts']);
// same connection: a form POST; no query -> get null, no query_string
$body = 'x=1&y[]=a+b&z=%41';
fwrite($c, "POST /form? HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " . strlen($body) . "\r\n\r\n$body");
$r = http_read($c);
$j = json_decode($r['body'], true);
echo $r['headers']['connection'], ' ', $j['keys'], "\n";
var_dump($j['get'], $j['cookie']);
echo json_encode($j['post']), ' ', $j['content'], ' ', var_export($j['raw'], true), "\n";
// HTTP/1.0 closes after the response
fwrite($c, "GET /old HTTP/1.0\r\n\r\n");
$r = http_read($c);
echo $r['status'], ' ', $r['headers']['connection'], ' ', json_decode($r['body'], true)['proto'], "\n";
var_dump(http_closed($c));
var_dump(server_stop($pid));
?>
--EXPECT--
HTTP/1.1 200 OK
query_string,request_method,request_uri,path_info,request_time,request_time_float,server_protocol,server_port,remote_port,remote_addr,master_time
GET GET
/p/q /p/q
a[]=1&a[]=2&b.c=3
HTTP/1.1 127.0.0.1 integer double integer
bool(true)
int(0)
{"host":"test","x-custom":"v1","dup":"one"}
{"a":["1","2"],"b_c":"3"}
{"sid":"a b","t":"2"}
NULL
string(0) ""
string(8) "GET /p/q"
keep-alive request_method,request_uri,path_info,request_time,request_time_float,server_protocol,server_port,remote_port,remote_addr,master_time
NULL
NULL
{"x":"1","y":["a b"],"z":"A"} x=1&y[]=a+b&z=%41 true
HTTP/1.1 200 OK close HTTP/1.0
bool(true)
int(0)
