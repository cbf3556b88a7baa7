--TEST--
Co\Http2\Client: TLS with ALPN h2 (nghttpd), nginx h2c: cookies both ways, :authority, gzip body
--FILE--
<?php
require __DIR__ . '/include/peers.inc';
$dir = h2_temp_dir();
$payload = random_bytes(30000);
file_put_contents("$dir/file.bin", $payload);
$text = str_repeat("compressible line of text\n", 4000);
file_put_contents("$dir/text.txt", $text);
[$cert, $key] = h2_make_cert($dir);
$tls_port = h2_nghttpd($dir, $cert, $key);
$nginx_port = null;
if (h2_nginx_has_http2()) {
    $nginx_port = h2_nginx($dir, <<<'LOC'
        gzip on;
        gzip_types text/plain;
        gzip_min_length 0;
        types { text/plain txt; }
        location /echo {
            add_header Set-Cookie "sid=a%20b; Path=/";
            add_header Set-Cookie "theme=dark";
            return 200 "$request_method|$host|$http_cookie|$http_x_custom";
        }
LOC);
}

Co\run(function () use ($tls_port, $nginx_port, $payload, $text, $cert) {
    $c = new Swoole\Coroutine\Http2\Client('127.0.0.1', $tls_port, true);
    $c->set(['timeout' => 10, 'ssl_verify_peer' => true, 'ssl_cafile' => $cert]);
    var_dump($c->type === (SWOOLE_SOCK_TCP | SWOOLE_SSL), $c->connect());
    h2_get($c, '/file.bin');
    $r = $c->recv();
    var_dump($r->statusCode, $r->data === $payload);
    $c->close();

    if ($nginx_port === null) {
        echo "nginx without http2: skipped\n";
        return;
    }
    $c = new Swoole\Coroutine\Http2\Client('127.0.0.1', $nginx_port);
    var_dump($c->connect());
    $req = new Swoole\Http2\Request;
    $req->path = '/echo';
    $req->method = 'POST';
    $req->headers = ['Host' => 'example.test', 'X-Custom' => 'v1'];
    $req->cookies = ['a' => '1 2', 'b' => 'x;y'];
    $req->data = 'body';
    $c->send($req);
    $r = $c->recv(10);
    var_dump($r->statusCode, $r->data, $r->set_cookie_headers, $r->cookies);

    // Without a host header: host:port.
    h2_get($c, '/echo');
    $r = $c->recv(10);
    var_dump($r->data === "GET|127.0.0.1||");

    h2_get($c, '/text.txt', ['accept-encoding' => 'gzip']);
    $r = $c->recv(10);
    var_dump($r->statusCode, $r->headers['content-encoding'], $r->data === $text);
    $c->close();
});
?>
--EXPECT--
bool(true)
bool(true)
int(200)
bool(true)
bool(true)
int(200)
string(37) "POST|example.test|a=1%202; b=x%3By|v1"
array(2) {
  [0]=>
  string(17) "sid=a%20b; Path=/"
  [1]=>
  string(10) "theme=dark"
}
array(2) {
  ["sid"]=>
  string(3) "a b"
  ["theme"]=>
  string(4) "dark"
}
bool(true)
int(200)
string(4) "gzip"
bool(true)
