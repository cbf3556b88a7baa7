--TEST--
http2: SWOOLE_PROCESS with 2 workers: h2load -n 1000 -c 4 -m 50 all 2xx; streams of one connection run concurrently
--SKIPIF--
<?php if (!shell_exec('command -v h2load') || !shell_exec('command -v nghttp')) die('skip h2load/nghttp not found'); ?>
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/h2_helper.inc';
[$pid, $port] = h2_fork(function ($s, $pipe) {
    $chan = null;
    $s->on('workerStart', function () use (&$chan) { $chan = new Swoole\Coroutine\Channel(1); });
    $s->on('request', function ($req, $res) use (&$chan) {
        $uri = $req->server['request_uri'];
        if ($uri === '/wait') {
            // answered only once /wake ran, on another stream of this connection
            $got = $chan->pop(5);
            $res->end("wait got $got");
            return;
        }
        if ($uri === '/wake') {
            $chan->push('wake ' . $req->streamId);
            $res->end('woke');
            return;
        }
        $res->end('ok ' . $uri);
    });
}, SWOOLE_PROCESS, ['worker_num' => 2]);
$out = h2_run("h2load -n 1000 -c 4 -m 50 http://127.0.0.1:$port/load");
preg_match('/status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx/', $out, $m);
echo "2xx=$m[1] 3xx=$m[2] 4xx=$m[3] 5xx=$m[4]\n";
preg_match('/requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed/', $out, $m);
echo "done=$m[3] succeeded=$m[4] failed=$m[5]\n";
// one connection (nghttp sends both requests on it): /wait parks until /wake
$out = h2_run("nghttp -t 10 http://127.0.0.1:$port/wait http://127.0.0.1:$port/wake");
echo str_replace("\n", '|', trim($out)), "\n";
var_dump(server_stop($pid));
?>
--EXPECTF--
2xx=1000 3xx=0 4xx=0 5xx=0
done=1000 succeeded=1000 failed=0
wait got wake %dwoke
int(0)
