--TEST--
http server: Response on the wire: default headers and their order, cookies, status, write() chunks, the 500, warnings
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/http_helper.inc';
[$pid, $port] = http_fork(function ($s, $pipe) {
    $say = function (...$v) use ($pipe) { fwrite($pipe, json_encode($v) . "\n"); };
    $s->on('request', function ($req, $res) use ($pipe, $say) {
        switch ($req->server['request_uri']) {
            case '/headers':
                $say($res->header('x-my-header', 'a  '));
                $res->header('x_under', ['1', '2']);
                $res->header('Keep-Case', 'k', false);
                $res->header('X-Bad', "a\r\nb");
                $res->header('X-Null', null);
                $res->header(str_repeat('a', 128), 'v');
                $res->cookie('n', 'a b/c', 0, '/p', 'ex.com', true, true, 'Lax');
                $res->cookie('gone', '');
                $res->rawcookie('raw', 'a b');
                $say($res->cookie('a b', 'v'));
                fwrite($pipe, json_encode([array_keys($res->header), $res->cookie]) . "\n");
                $res->end('body');
                $say($res->end('again'), $res->header('a', 'b'), $res->isWritable());
                break;
            case '/status':
                $res->status(499);
                $res->end();
                break;
            case '/reason':
                $res->status(499, 'Custom');
                $res->end();
                break;
            case '/chunked':
                $say($res->write(''));
                $res->header('Content-Length', '99');
                $res->write('abc');
                $res->write(str_repeat('z', 20));
                $say($res->sendfile(__FILE__));
                $res->trailer('X-Sum', 'ok');
                $say($res->trailer("X\r\nEvil", 'v'), $res->trailer(str_repeat('t', 128), 'v'));
                $res->end('x');
                break;
            case '/none':
                break;  // never ends: 500
            case '/redirect':
                $res->redirect('/there');
                break;
            case '/detach':
                $say($res->detach(), $res->isWritable(), $res->end('late'));
                $s = $res->fd;
                Swoole\Http\Response::create($s)->end('created');
                break;
            case '/head':
                $res->end('hidden');
                break;
        }
    });
});
$c = server_connect($port);
$r = http_get($c, '/headers');
echo $r['status'], "\n";
echo implode("\n", array_map(fn ($l) => preg_replace('/^Date: .*/', 'Date: <date>', $l), $r['lines'])), "\n";
echo $r['body'], "\n";
for ($i = 0; $i < 9; $i++) echo server_wait_line(), "\n";
echo http_get($c, '/status')['status'], "\n";
echo http_get($c, '/reason')['status'], "\n";
$r = http_get($c, '/chunked');
for ($i = 0; $i < 7; $i++) echo server_wait_line(), "\n";
echo $r['headers']['transfer-encoding'], ' ', isset($r['headers']['content-length']) ? 'length' : 'no-length', "\n";
echo json_encode(substr($r['raw'], strpos($r['raw'], "\r\n\r\n") + 4)), "\n";
$r = http_get($c, '/none');
echo $r['status'], ' ', $r['headers']['content-length'], ' ', $r['headers']['connection'], "\n";
$r = http_get($c, '/redirect');
echo $r['status'], ' ', $r['headers']['location'], ' ', $r['headers']['content-length'], "\n";
$r = http_get($c, '/detach');
echo server_wait_line(), "\n", server_wait_line(), "\n";
echo $r['status'], ' ', $r['body'], "\n";
fwrite($c, "HEAD /head HTTP/1.1\r\n\r\n");
$r = http_read($c);
echo $r['status'], ' ', $r['headers']['content-length'], "\n";
fwrite($c, "GET /reason HTTP/1.1\r\n\r\n");  // the HEAD body must not be there
echo http_read($c)['status'], "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
HTTP/1.1 200 OK
X-My-Header: a
X_under: 1
X_under: 2
Keep-Case: k
Set-Cookie: n=a+b%2Fc; path=/p; domain=ex.com; secure; httponly; samesite=Lax
Set-Cookie: gone=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT
Set-Cookie: raw=a b
Server: swoole-http-server
Connection: keep-alive
Content-Type: text/html
Date: <date>
Content-Length: 4
body
[true]
warning: Swoole\Http\Response::header(): header key is too long
warning: Swoole\Http\Response::cookie(): Cookie names can't contain any of the following '=,; \t\r\n\013\014'
[false]
[["X-My-Header","X_under","Keep-Case","X-Bad","X-Null"],["n=a+b%2Fc; path=\/p; domain=ex.com; secure; httponly; samesite=Lax","gone=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT","raw=a b"]]
warning: Swoole\Http\Response::end(): Header may not contain more than a single header, new line detected
warning: Swoole\Http\Response::end(): http response is unavailable (maybe it has been ended or detached)
warning: Swoole\Http\Response::header(): http response is unavailable (maybe it has been ended or detached)
[false,false,false]
HTTP/1.1 200 OK
HTTP/1.1 499 Custom
warning: Swoole\Http\Response::write(): data to send is empty
[false]
warning: Swoole\Http\Response::write(): You have set 'Transfer-Encoding', 'Content-Length' is ignored
warning: Swoole\Http\Response::sendfile(): can't use sendfile when HTTP chunk is enabled
[false]
warning: Swoole\Http\Response::trailer(): trailer key is too long
[false,false]
chunked no-length
"3\r\nabc\r\n14\r\nzzzzzzzzzzzzzzzzzzzz\r\n1\r\nx\r\n0\r\nx-sum: ok\r\n\r\n"
HTTP/1.1 500 Internal Server Error 0 keep-alive
HTTP/1.1 302 Found /there 0
warning: Swoole\Http\Response::end(): http response is unavailable (maybe it has been ended or detached)
[true,false,false]
HTTP/1.1 200 OK created
HTTP/1.1 200 OK 6
HTTP/1.1 499 Custom
int(0)
