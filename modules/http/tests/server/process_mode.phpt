--TEST--
http server: SWOOLE_PROCESS with 2 workers: keep-alive, pipelining, 413 and 400 from the reactor, 500, curl
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/http_helper.inc';
[$pid, $port] = http_fork(function ($s, $pipe) {
    $s->on('request', function ($req, $res) {
        if ($req->server['request_uri'] === '/none') {
            return;
        }
        $res->header('X-Worker', 'w');
        $res->end($req->getMethod() . ' ' . $req->server['request_uri'] . ' ' . $req->getContent());
    });
}, SWOOLE_PROCESS, ['worker_num' => 2, 'package_max_length' => 64 * 1024]);
$c = server_connect($port);
for ($i = 0; $i < 3; $i++) {
    echo http_get($c, "/k$i")['body'], "\n";
}
fwrite($c, "POST /p HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /q HTTP/1.1\r\n\r\n");
echo http_read($c)['body'], "\n", http_read($c)['body'], "\n";
$r = http_get($c, '/none');
echo $r['status'], ' ', $r['headers']['content-length'], "\n";
$b = server_connect($port);
fwrite($b, "POST / HTTP/1.1\r\nContent-Length: 70000\r\n\r\n");
echo http_read($b)['status'], ' ', var_export(http_closed($b), true), "\n";
$b = server_connect($port);
fwrite($b, "FOO / HTTP/1.1\r\n\r\n");
echo http_read($b)['status'], ' ', var_export(http_closed($b), true), "\n";
echo http_get($c, '/still')['body'], "\n";
$out = shell_exec("curl -s -i -X PUT --data-binary hello http://127.0.0.1:$port/curl 2>&1");
echo str_replace("\r\n", "|", preg_replace('/^Date: .*\r\n/m', '', $out)), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
GET /k0 
GET /k1 
GET /k2 
POST /p abc
GET /q 
HTTP/1.1 500 Internal Server Error 0
HTTP/1.1 413 Request Entity Too Large true
HTTP/1.1 400 Bad Request true
GET /still 
HTTP/1.1 200 OK|X-Worker: w|Server: swoole-http-server|Connection: keep-alive|Content-Type: text/html|Content-Length: 15||PUT /curl hello
int(0)
