--TEST--
Coroutine\Http\Client against our Http\Server: GET/POST, keep-alive reuse, 404, headers, cookies both ways, chunked, compressed bodies, uploads, download, defer, basic auth, getHeaderOut
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/client_helper.inc';
[$pid, $port] = http_fork(function ($s, $pipe) {
    $s->on('connect', function ($s, $fd) use ($pipe) {
        fwrite($pipe, "connect\n");
    });
    $s->on('request', function ($req, $res) {
        switch ($req->server['request_uri']) {
            case '/':
                $res->end('hello ' . $req->server['request_method']);
                break;
            case '/fd':
                $res->end((string) $req->fd);
                break;
            case '/404':
                $res->status(404);
                $res->header('X-Rep', ['first', 'last']);
                $res->end('nf');
                break;
            case '/cookie':
                $res->cookie('sess', 'a b');
                $res->cookie('theme', 'dark');
                $res->end(json_encode($req->cookie ?? null));
                break;
            case '/echo':
                $files = [];
                foreach ($req->files ?? [] as $k => $f) {
                    $files[$k] = [$f['name'], $f['type'], $f['size'], md5_file($f['tmp_name'])];
                }
                $res->end(json_encode([$req->server['request_method'], $req->header['content-type'] ?? null,
                    $req->post, $files, $req->header['authorization'] ?? null, $req->header['x-user'] ?? null]));
                break;
            case '/raw':
                $res->end($req->getContent());
                break;
            case '/chunked':
                $res->write('abc');
                $res->write('defg');
                $res->end();
                break;
            case '/big':
                $res->end(str_repeat('0123456789', 10000));
                break;
            case '/file':
                $res->end('0123456789');
                break;
            case '/slow':
                Swoole\Coroutine::sleep(0.3);
                $res->end('slow' . $req->get['n']);
                break;
        }
    });
}, SWOOLE_BASE, ['http_compression' => true, 'upload_tmp_dir' => sys_get_temp_dir()]);

Co\run(function () use ($port) {
    $c = new Co\Http\Client('127.0.0.1', $port);
    var_dump($c->get('/'), $c->statusCode, $c->body, $c->connected);
    var_dump($c->getHeaderOut() === "GET / HTTP/1.1\r\nHost: 127.0.0.1:$port\r\nConnection: keep-alive\r\nAccept-Encoding: gzip, deflate, br");
    // keep-alive: the same connection serves the next requests
    $c->get('/fd');
    $fd = $c->body;
    $c->get('/fd');
    var_dump($c->body === $fd);
    echo server_wait_line(), "\n";  // one connect so far
    var_dump($c->post('/', 'x'), $c->body, $c->requestMethod);
    // 404 is a complete response; the last of repeated headers wins
    var_dump($c->get('/404'), $c->getStatusCode(), $c->getBody(), $c->headers['x-rep']);
    // cookies: Set-Cookie fills the jar, sent back next time
    $c->setCookies(['pre' => 'set value', 'empty' => '']);
    $c->get('/cookie');
    var_dump($c->body, $c->set_cookie_headers, $c->cookies);
    $c->get('/cookie');
    var_dump($c->body);
    // chunked
    var_dump($c->get('/chunked'), $c->body, $c->headers['transfer-encoding']);
    // compressed bodies: br by default, gzip when asked, none when http_compression is off
    $c->get('/big');
    var_dump($c->headers['content-encoding'], strlen($c->body), md5($c->body) === md5(str_repeat('0123456789', 10000)));
    $c->setHeaders(['Accept-Encoding' => 'gzip']);
    $c->get('/big');
    var_dump($c->headers['content-encoding'], strlen($c->body));
    $c->setHeaders([]);
    $c->set(['http_compression' => false]);
    $c->get('/big');
    var_dump($c->headers['content-encoding'] ?? 'none', strlen($c->body));
    $c->set(['http_compression' => true, 'body_decompression' => false]);
    $c->get('/big');
    var_dump($c->headers['content-encoding'], strlen($c->body) < 1000);
    $c->set(['body_decompression' => true]);
    // setData(array): POST urlencoded; lowercase_header off keeps the case
    $c->requestMethod = null;
    $c->setData(['a' => 1, 'b' => ['x' => 'y z']]);
    $c->setBasicAuth('user', 'pass');
    $c->setHeaders(['X-User' => 'me', 'X-Null' => null]);
    var_dump($c->execute('/echo'), $c->body);
    // uploads: a file range and in-memory data, with form fields
    $file = sys_get_temp_dir() . '/swoole_h1_up_' . getmypid() . '.txt';
    file_put_contents($file, str_repeat('A', 1000) . str_repeat('B', 70000));
    var_dump($c->addFile($file, 'whole'));
    var_dump($c->addFile($file, 'part', 'text/x-test', 'part.txt', 1000, 500));
    var_dump($c->addData('in memory', 'mem'));
    $c->setData(['field' => 'v']);
    $c->post('/echo', ['field' => 'v']);
    $r = json_decode($c->body, true);
    var_dump($r[0], explode(';', $r[1])[0], $r[2]);
    var_dump($r[3]['whole'] == [basename($file), 'text/plain', 71000, md5_file($file)]);
    var_dump($r[3]['part'] == ['part.txt', 'text/x-test', 500, md5(str_repeat('B', 500))]);
    var_dump($r[3]['mem'] == ['mem', 'application/octet-stream', 9, md5('in memory')]);
    var_dump($c->uploadFiles);
    // raw body of 100 KB
    $c->setHeaders([]);
    $c->post('/raw', str_repeat('r', 100000));
    var_dump(strlen($c->body));
    // download, then resume at an offset
    $dl = sys_get_temp_dir() . '/swoole_h1_dl_' . getmypid();
    file_put_contents($dl, 'old content that is longer');
    var_dump($c->download('/file', $dl), file_get_contents($dl), $c->body, $c->downloadFile);
    var_dump($c->download('/file', $dl, 5), file_get_contents($dl));
    @unlink($dl);
    @unlink($file);
    // keep_alive off: "Connection: closed" and a new connection each time
    $c->set(['keep_alive' => false]);
    $c->get('/fd');  // on the kept connection, closed afterwards
    var_dump($c->connected);
    $c->get('/fd');  // a new one
    var_dump($c->connected, strpos($c->getHeaderOut(), 'Connection: closed') !== false);
    echo server_wait_line(), "\n";
    var_dump($c->close());
    // defer: two clients run concurrently
    $a = new Co\Http\Client('127.0.0.1', $port);
    $b = new Co\Http\Client('127.0.0.1', $port);
    $a->setDefer();
    $b->set(['defer' => true]);
    var_dump($a->getDefer(), $b->getDefer());
    $t = microtime(true);
    var_dump($a->get('/slow?n=1'), $b->get('/slow?n=2'), $a->body);
    var_dump($a->recv(), $b->recv(), $a->body, $b->body);
    $elapsed = microtime(true) - $t;
    var_dump($elapsed < 0.55 ? 'concurrent' : "serial $elapsed");
    var_dump($a->recv());  // nothing pending
    // HEAD: no body
    $h = new Co\Http\Client('127.0.0.1', $port);
    $h->setMethod('HEAD');
    var_dump($h->execute('/big'), $h->statusCode, $h->body);
});
var_dump(server_stop($pid));
?>
--EXPECTF--
bool(true)
int(200)
string(9) "hello GET"
bool(true)
bool(true)
bool(true)
connect
bool(true)
string(10) "hello POST"
string(4) "POST"
bool(true)
int(404)
string(2) "nf"
string(4) "last"
string(19) "{"pre":"set+value"}"
array(2) {
  [0]=>
  string(8) "sess=a+b"
  [1]=>
  string(10) "theme=dark"
}
array(4) {
  ["pre"]=>
  string(9) "set value"
  ["empty"]=>
  string(0) ""
  ["sess"]=>
  string(3) "a b"
  ["theme"]=>
  string(4) "dark"
}
string(47) "{"pre":"set+value","sess":"a+b","theme":"dark"}"
bool(true)
string(7) "abcdefg"
string(7) "chunked"
string(2) "br"
int(100000)
bool(true)
string(4) "gzip"
int(100000)
string(4) "none"
int(100000)
string(2) "br"
bool(true)
bool(true)
string(%d) "["POST","application\/x-www-form-urlencoded",{"a":"1","b":{"x":"y z"}},[],"Basic dXNlcjpwYXNz","me"]"
bool(true)
bool(true)
bool(true)
string(4) "POST"
string(19) "multipart/form-data"
array(1) {
  ["field"]=>
  string(1) "v"
}
bool(true)
bool(true)
bool(true)
NULL
int(100000)
bool(true)
string(10) "0123456789"
string(0) ""
NULL
bool(true)
string(15) "012340123456789"
bool(false)
bool(false)
bool(true)
connect
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
string(0) ""
bool(true)
bool(true)
string(5) "slow1"
string(5) "slow2"
string(10) "concurrent"
bool(false)
bool(true)
int(200)
string(0) ""
int(0)
