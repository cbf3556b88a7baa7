--TEST--
redis server: redis-benchmark -t ping,set,get -n 100000 -c 50 against the example server completes without errors
--SKIPIF--
<?php if (!shell_exec('command -v redis-benchmark')) die('skip redis-benchmark missing'); ?>
--ENV--
TEST_TIMEOUT=300
--INI--
swoole.modules=redis
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
require __DIR__ . '/redis_test.inc';
$parent = getmypid();
[$pid, $port] = server_fork(function () use ($parent) {
    $server = redis_example_server(0, SWOOLE_BASE, 1, 1024);
    $server->on('workerStart', function ($server) use ($parent) {
        Swoole\Timer::tick(500, fn() => posix_kill($parent, 0) || $server->shutdown());
    });
    return $server;
});
// The issue's run: 100000 requests per test. A sanitizer build is ~10x
// slower (and redis-benchmark inherits its preload), so there it runs a
// tenth of that.
$n = str_contains((string) getenv('LD_PRELOAD'), 'asan') ? 10000 : 100000;
$out = shell_exec("timeout 270 redis-benchmark -h 127.0.0.1 -p $port -t ping,set,get -n $n -c 50 -q 2>&1");
// -q prints one "NAME: N requests per second" per test (progress lines end in \r).
$lines = array_values(array_filter(array_map('trim', preg_split('/[\r\n]+/', (string) $out))));
$results = [];
$problems = [];
foreach ($lines as $line) {
    if (preg_match('/^([A-Z_]+): ([\d.]+) requests per second/', $line, $m)) {
        $results[$m[1]] = (float) $m[2];
    } elseif (preg_match('/error|ERR|refused|reset|timeout/i', $line)) {
        $problems[] = $line;
    }
}
echo implode(',', array_keys($results)), "\n";
echo count(array_filter($results, fn($rps) => $rps > 0)), " with a rate\n";
echo $problems ? "problems:\n" . implode("\n", $problems) . "\n" : "no errors\n";
// What the server holds afterwards: the benchmark's key.
echo strlen(redis_cli($port, 'GET', 'key:__rand_int__')), " bytes\n";
var_dump(server_stop($pid));
?>
--EXPECT--
PING_INLINE,PING_MBULK,SET,GET
4 with a rate
no errors
3 bytes
int(0)
