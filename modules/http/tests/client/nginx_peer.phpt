--TEST--
Coroutine\Http\Client against nginx: keep-alive reuse, gzip chunked bodies, Range + download with offset, HEAD, 404, POST
--SKIPIF--
<?php if (!shell_exec('command -v nginx')) die('skip nginx not found'); ?>
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/client_helper.inc';
$www = sys_get_temp_dir() . '/swoole_h1_www_' . getmypid();
@mkdir($www);
$text = '';
for ($i = 0; $i < 5000; $i++) {
    $text .= "line $i of the static file\n";
}
file_put_contents("$www/data.txt", $text);
$n = nginx_start(<<<CONF
  keepalive_requests 100;
  types { text/plain txt; }
  location = /hello { add_header X-Conn \$connection always; return 200 "hello \$request_method \$http_x_test"; }
  location = /post { return 200 "\$request_method \$content_length \$content_type"; }
  location /static/ { alias $www/; gzip on; gzip_min_length 1; gzip_types text/plain; }
CONF);
$port = $n[1];
Co\run(function () use ($port, $text, $www) {
    $c = new Co\Http\Client('127.0.0.1', $port);
    $c->setHeaders(['X-Test' => 't']);
    var_dump($c->get('/hello'), $c->statusCode, $c->body);
    $conn = $c->headers['x-conn'];
    $c->get('/hello');
    var_dump($c->headers['x-conn'] === $conn, $c->headers['server'] !== '');
    // gzip, chunked by nginx
    var_dump($c->get('/static/data.txt'), $c->headers['content-encoding'], $c->headers['transfer-encoding'],
        $c->body === $text);
    $c->get('/hello');
    var_dump($c->headers['x-conn'] === $conn);
    // Range and download: identity, 206, written from the offset
    $c->set(['http_compression' => false]);
    $file = "$www/out.txt";
    var_dump($c->download('/static/data.txt', $file), $c->statusCode, file_get_contents($file) === $text);
    $c->setHeaders(['Range' => 'bytes=100-']);
    var_dump($c->download('/static/data.txt', $file, 100), $c->statusCode, file_get_contents($file) === $text);
    file_put_contents($file, 'x');
    var_dump($c->download('/static/data.txt', $file, 100), strlen(file_get_contents($file)));
    $c->setHeaders([]);
    // HEAD, 404, POST
    $c->setMethod('HEAD');
    var_dump($c->execute('/static/data.txt'), $c->statusCode, (int) $c->headers['content-length'], $c->body);
    $c->setMethod('GET');
    var_dump($c->get('/nothing'), $c->statusCode);
    var_dump($c->post('/post', ['k' => 'v w']), $c->body);
    $c->get('/hello');
    var_dump($c->headers['x-conn'] === $conn);
});
nginx_stop($n);
@rmdir($www);
?>
--EXPECT--
bool(true)
int(200)
string(11) "hello GET t"
bool(true)
bool(true)
bool(true)
string(4) "gzip"
string(7) "chunked"
bool(true)
bool(true)
bool(true)
int(200)
bool(true)
bool(true)
int(206)
bool(true)
bool(true)
int(143890)
bool(true)
int(200)
int(143890)
string(0) ""
bool(true)
int(404)
bool(true)
string(40) "POST 5 application/x-www-form-urlencoded"
bool(true)
