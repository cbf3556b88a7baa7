--TEST--
http2: h2c with prior knowledge (curl): Request fields, Response headers/cookies/status, compression, HTTP/1 on the same port
--SKIPIF--
<?php if (!shell_exec('command -v curl')) die('skip curl not found'); ?>
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/h2_helper.inc';
[$pid, $port] = h2_fork(function ($s, $pipe) {
    $s->on('request', function ($req, $res) {
        if ($req->server['request_uri'] === '/big') {
            $res->end(str_repeat('compress me ', 100));
            return;
        }
        if ($req->server['request_uri'] === '/none') {
            return;  // dropped without end(): 500
        }
        $res->status(201);
        $res->header('X-Custom', 'Value');
        $res->header('Connection', 'close');  // not HTTP/2: dropped
        $res->cookie('sess', 'a b');
        $res->end(json_encode([
            'proto' => $req->server['server_protocol'],
            'stream' => $req->streamId,
            'fd' => $req->fd === $res->fd,
            'method' => $req->server['request_method'],
            'uri' => $req->server['request_uri'],
            'path_info' => $req->server['path_info'],
            'qs' => $req->server['query_string'] ?? null,
            'first_key' => array_key_first($req->server),
            'get' => $req->get,
            'post' => $req->post,
            'cookie' => $req->cookie,
            'host' => $req->header['host'] ?? null,
            'x' => $req->header['x-test'] ?? null,
            'pseudo' => isset($req->header[':path']),
            'body' => $req->getContent(),
            'getMethod' => $req->getMethod(),
        ]));
    });
});
$base = "http://127.0.0.1:$port";
$out = h2_run("curl -s -i --http2-prior-knowledge -H 'X-Test: yes' -b 'c1=v1; c2=v2' '$base/path/x?a=1&b[]=2&b[]=3' -w '\\nversion=%{http_version}'");
[$head, $body] = explode("\r\n\r\n", $out, 2);
$lines = explode("\r\n", $head);
echo rtrim($lines[0]), "\n";
foreach ($lines as $l) {
    if (preg_match('/^(x-custom|set-cookie|content-type|server|connection):/', $l)) echo $l, "\n";
}
echo $body, "\n";
$post = h2_run("curl -s --http2-prior-knowledge -d 'k=v&n[]=1' '$base/form' -w '\\nversion=%{http_version}'");
$j = json_decode(explode("\n", $post)[0], true);
echo $j['method'], ' ', json_encode($j['post']), ' ', $j['body'], ' ', $j['getMethod'], ' ', explode("\n", $post)[1], "\n";
// compression as HTTP/1 does it
$out = h2_run("curl -s -i --http2-prior-knowledge -H 'Accept-Encoding: gzip' '$base/big'");
[$head, $body] = explode("\r\n\r\n", $out, 2);
preg_match('/content-encoding: (\S+)/', $head, $m);
echo $m[1], ' ', gzdecode($body) === str_repeat('compress me ', 100) ? 'decoded' : 'bad', "\n";
echo rtrim(explode("\r\n", h2_run("curl -s -i --http2-prior-knowledge '$base/none'"))[0]), "\n";
// HTTP/1.1 on the same port
$h1 = h2_run("curl -s --http1.1 '$base/one' -w '\\nversion=%{http_version}'");
$j = json_decode(explode("\n", $h1)[0], true);
echo $j['proto'], ' ', $j['stream'], ' ', explode("\n", $h1)[1], "\n";
var_dump(server_stop($pid));
?>
--EXPECTF--
HTTP/2 201
x-custom: Value
set-cookie: sess=a+b
server: swoole-http-server
content-type: text/html
{"proto":"HTTP\/2","stream":1,"fd":true,"method":"GET","uri":"\/path\/x","path_info":"\/path\/x","qs":"a=1&b[]=2&b[]=3","first_key":"query_string","get":{"a":"1","b":["2","3"]},"post":null,"cookie":{"c1":"v1","c2":"v2"},"host":"127.0.0.1:%d","x":"yes","pseudo":false,"body":"","getMethod":"GET"}
version=2
POST {"k":"v","n":["1"]} k=v&n[]=1 POST version=2
gzip decoded
HTTP/2 500
HTTP/1.1 0 version=1.1
int(0)
