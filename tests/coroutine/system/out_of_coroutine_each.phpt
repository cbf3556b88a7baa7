--TEST--
system: every suspending helper refuses to run outside a coroutine
--FILE--
<?php
$calls = [
    'gethostbyname' => "'localhost'",
    'getaddrinfo' => "'localhost'",
    'dnsLookup' => "'localhost'",
    'exec' => "'true'",
    'wait' => '0.01',
    'waitPid' => '1, 0.01',
    'waitSignal' => 'SIGUSR1, 0.01',
    'waitEvent' => 'STDOUT, SWOOLE_EVENT_WRITE, 0.01',
    'readFile' => '__FILE__',
    'writeFile' => "'/tmp/never', 'x'",
    'fread' => 'STDIN',
    'fgets' => 'STDIN',
    'fwrite' => "STDOUT, 'x'",
];
foreach ($calls as $method => $args) {
    $code = "Co\\System::$method($args);";
    $out = shell_exec(sprintf('%s -d error_reporting=%d -r %s 2>&1', getenv('TEST_PHP_EXECUTABLE'),
        E_ALL & ~E_DEPRECATED, escapeshellarg($code)));
    echo $method, ': ', str_contains($out, 'Uncaught Swoole\Error: API must be called in the coroutine') ? 'fatal' : $out, "\n";
}
echo 'swoole_async_dns_lookup_coro: ';
$out = shell_exec(getenv('TEST_PHP_EXECUTABLE') . ' -r ' . escapeshellarg('swoole_async_dns_lookup_coro("localhost");') . ' 2>&1');
echo str_contains($out, 'API must be called in the coroutine') ? 'fatal' : $out, "\n";
?>
--EXPECT--
gethostbyname: fatal
getaddrinfo: fatal
dnsLookup: fatal
exec: fatal
wait: fatal
waitPid: fatal
waitSignal: fatal
waitEvent: fatal
readFile: fatal
writeFile: fatal
fread: fatal
fgets: fatal
fwrite: fatal
swoole_async_dns_lookup_coro: fatal
