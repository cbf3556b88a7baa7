--TEST--
Swoole\Coroutine\Http\request/get/post return a ClientProxy; URL and driver errors and failed requests throw Client\Exception
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/client_helper.inc';
use function Swoole\Coroutine\Http\{request, get, post};

[$pid, $port] = http_fork(function ($s, $pipe) {
    $s->on('request', function ($req, $res) {
        $res->cookie('c', 'v');
        $res->header('X-Method', $req->server['request_method']);
        $res->end(json_encode([$req->server['request_uri'], $req->server['query_string'] ?? '', $req->getContent(),
            $req->header['x-h'] ?? null, $req->cookie['k'] ?? null, $req->header['accept-encoding'] ?? null]));
    });
});
Co\run(function () use ($port) {
    $r = get("http://127.0.0.1:$port/path?q=1", ['http_compression' => false], ['X-H' => 'h'], ['k' => 'cookie']);
    var_dump(get_class($r), $r->getStatusCode(), $r->getBody(), $r->getHeaders()['x-method'], $r->getCookies());
    $r = post("http://127.0.0.1:$port", 'data');
    var_dump($r->getBody(), $r->getHeaders()['x-method']);
    $r = request("http://127.0.0.1:$port/put", 'PUT', ['a' => 'b']);
    var_dump($r->getBody(), $r->getHeaders()['x-method']);
    foreach (['127.0.0.1/x', 'ftp://127.0.0.1/', 'http://127.0.0.1:' . free_port() . '/'] as $url) {
        try {
            get($url);
        } catch (Swoole\Coroutine\Http\Client\Exception $e) {
            var_dump($e->getMessage(), $e->getCode());
        }
    }
    swoole_library_set_option('http_client_driver', 'curl');
    var_dump(swoole_library_get_option('http_client_driver'));
    try {
        get("http://127.0.0.1:$port/");
    } catch (Swoole\Coroutine\Http\Client\Exception $e) {
        var_dump($e->getMessage());
    }
    swoole_library_set_options(['http_client_driver' => 'swoole']);
    var_dump(get("http://127.0.0.1:$port/")->getStatusCode());
});
var_dump(server_stop($pid));
?>
--EXPECTF--
string(33) "Swoole\Coroutine\Http\ClientProxy"
int(200)
string(%d) "["\/path","q=1","","h","cookie",null]"
string(3) "GET"
array(2) {
  ["k"]=>
  string(6) "cookie"
  ["c"]=>
  string(1) "v"
}
string(%d) "["\/","","data",null,null,"gzip, deflate, br"]"
string(4) "POST"
string(%d) "["\/put","","a=b",null,null,"gzip, deflate, br"]"
string(3) "PUT"
string(36) "The URL given is illegal [no scheme]"
int(0)
string(20) "unknown scheme "ftp""
int(0)
string(18) "Connection refused"
int(111)
string(4) "curl"
string(%d) "http_client_driver "curl" is not available, only "swoole" is built in"
int(200)
int(0)
