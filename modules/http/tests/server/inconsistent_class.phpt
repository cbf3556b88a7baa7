--TEST--
http server: a plain Swoole\Server with an HTTP port and onRequest serves it but warns about the inconsistent class type
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/http_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    set_error_handler(function ($no, $str) use ($pipe) {
        fwrite($pipe, "warning: $str\n");
        return true;
    });
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_ERROR, 'open_http_protocol' => true]);
    $s->on('workerStart', function () use ($pipe) {
        fwrite($pipe, "started\n");
    });
    $s->on('request', function ($req, $res) {
        $res->end(get_class($req) . ' ' . $req->server['request_uri']);
    });
    return $s;
});
echo server_wait_line(), "\n";
echo server_wait_line(), "\n";
$c = server_connect($port);
fwrite($c, "GET /x HTTP/1.1\r\nHost: a\r\n\r\n");
$r = http_read($c);
echo $r['status'], ' ', $r['body'], "\n";
fclose($c);
var_dump(server_stop($pid));
?>
--EXPECTF--
warning: %Suse Swoole\Server class and open http related protocols may lead to some errors (inconsistent class type)
started
HTTP/1.1 200 OK Swoole\Http\Request /x
int(0)
