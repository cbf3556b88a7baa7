<?php
// Coroutine\Redis throughput: $argv[2] coroutines share $argv[3] SETs, then
// as many GETs, against 127.0.0.1:$argv[1], each coroutine on its own
// connection (redis-benchmark's -c). Prints "SET <rps>" and "GET <rps>".
$port = (int)$argv[1];
$clients = (int)($argv[2] ?? 100);
$total = (int)($argv[3] ?? 100000);
$value = str_repeat('x', 3);  // redis-benchmark's default -d 3

function phase(int $port, int $clients, int $total, callable $op): float {
    $per = intdiv($total, $clients);
    $ready = new Co\Channel($clients);
    $start = new Co\Channel($clients);
    $done = new Co\Channel($clients);
    for ($c = 0; $c < $clients; $c++) {
        go(function () use ($port, $c, $per, $op, $ready, $start, $done) {
            $redis = new Co\Redis();
            if (!$redis->connect('127.0.0.1', $port)) {
                fwrite(STDERR, "connect failed: {$redis->errCode}\n");
                exit(1);
            }
            $ready->push(true);
            $start->pop();
            for ($i = 0; $i < $per; $i++) {
                if ($op($redis, "key:{$c}:{$i}") === false) {
                    fwrite(STDERR, "command failed: {$redis->errMsg}\n");
                    exit(1);
                }
            }
            $done->push(true);
        });
    }
    for ($c = 0; $c < $clients; $c++) $ready->pop();
    $t = microtime(true);
    for ($c = 0; $c < $clients; $c++) $start->push(true);
    for ($c = 0; $c < $clients; $c++) $done->pop();
    return $per * $clients / (microtime(true) - $t);
}

Co\run(function () use ($port, $clients, $total, $value) {
    $set = phase($port, $clients, $total, fn($r, $k) => $r->set($k, $value));
    $get = phase($port, $clients, $total, fn($r, $k) => $r->get($k));
    printf("SET %.0f\nGET %.0f\n", $set, $get);
});
