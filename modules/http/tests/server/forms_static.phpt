--TEST--
http server: multipart upload (files, tmpfiles removed after the request), gzip by Accept-Encoding, static files
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/http_helper.inc';
$root = sys_get_temp_dir() . '/swoole_http_static_' . getmypid();
@mkdir($root . '/pub', 0777, true);
file_put_contents("$root/pub/a.txt", "static text\n");
touch("$root/pub/a.txt", 1700000000);
$up = "$root/up.bin";
file_put_contents($up, str_repeat('U', 3000));
[$pid, $port] = http_fork(function ($s, $pipe) {
    $s->on('request', function ($req, $res) use ($pipe) {
        if ($req->server['request_uri'] === '/upload') {
            $f = $req->files['doc'];
            fwrite($pipe, json_encode([$req->post, $f['name'], $f['type'], $f['size'], $f['error'],
                filesize($f['tmp_name']), str_starts_with($f['tmp_name'], sys_get_temp_dir() . '/swoole.upfile.'),
                $req->tmpfiles === [$f['tmp_name']]]) . "\n");
            $res->end($f['tmp_name']);
            return;
        }
        $res->header('Content-Length', '5');
        $res->end(str_repeat('compress me ', 10));
    });
}, SWOOLE_BASE, ['enable_static_handler' => true, 'document_root' => $root, 'static_handler_locations' => ['/pub'],
    'upload_tmp_dir' => sys_get_temp_dir()]);

$out = shell_exec("curl -s -F 'field=v 1' -F 'doc=@$up;type=application/x-test' http://127.0.0.1:$port/upload");
echo server_wait_line(), "\n";
usleep(100000);
var_dump(file_exists($out));
$c = server_connect($port);
$r = http_get($c, '/gz', ['Accept-Encoding' => 'gzip, deflate']);
echo server_wait_line(), "\n";
echo $r['headers']['content-encoding'], ' ', $r['headers']['content-length'] == strlen($r['body']) ? 'length ok' : 'bad length', ' ', gzdecode($r['body']) === str_repeat('compress me ', 10) ? 'gunzip ok' : 'bad body', "\n";
$r = http_get($c, '/pub/a.txt');
echo $r['status'], ' ', $r['headers']['content-type'], ' ', $r['headers']['last-modified'], ' ', json_encode($r['body']), "\n";
$r = http_get($c, '/pub/a.txt', ['If-Modified-Since' => 'Tue, 14 Nov 2023 22:13:20 GMT']);
echo $r['status'], "\n";
$r = http_get($c, '/pub/a.txt', ['Range' => 'bytes=0-5']);
echo $r['status'], ' ', $r['headers']['content-range'], ' ', $r['body'], "\n";
echo http_get($c, '/pub/missing')['status'], "\n";
echo http_get($c, '/pub/../../etc/passwd')['status'], "\n";
var_dump(server_stop($pid));
unlink("$root/pub/a.txt");
rmdir("$root/pub");
unlink($up);
rmdir($root);
?>
--EXPECT--
[{"field":"v 1"},"up.bin","application\/x-test",3000,0,3000,true,true]
bool(false)
warning: Swoole\Http\Response::end(): The client has set 'Accept-Encoding', 'Content-Length' is ignored
gzip length ok gunzip ok
HTTP/1.1 200 OK text/plain Tue, 14 Nov 2023 22:13:20 GMT "static text\n"
HTTP/1.1 304 Not Modified
HTTP/1.1 206 Partial Content bytes 0-5/12 static
HTTP/1.1 404 Not Found
HTTP/1.1 404 Not Found
int(0)
