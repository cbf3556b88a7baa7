--TEST--
system: Swoole\Coroutine\System and Co\System with every helper, the global DNS functions
--FILE--
<?php
var_dump(class_exists('Swoole\Coroutine\System'), class_exists('Co\System'));
var_dump((new ReflectionClass('Co\System'))->getName());
$methods = get_class_methods('Swoole\Coroutine\System');
sort($methods);
echo implode(',', $methods), "\n";
foreach ($methods as $m) {
    if (!(new ReflectionMethod('Swoole\Coroutine\System', $m))->isStatic()) echo "$m is not static\n";
}
var_dump(function_exists('swoole_async_dns_lookup_coro'), function_exists('swoole_clear_dns_cache'));
var_dump(swoole_clear_dns_cache());
foreach (['fread', 'fgets', 'fwrite', 'readFile'] as $m) {
    echo $m, ': ', (new ReflectionMethod('Co\System', $m))->isDeprecated() ? 'deprecated' : 'current', "\n";
}
?>
--EXPECT--
bool(true)
bool(true)
string(23) "Swoole\Coroutine\System"
dnsLookup,exec,fgets,fread,fwrite,getaddrinfo,gethostbyname,readFile,sleep,statvfs,wait,waitEvent,waitPid,waitSignal,writeFile
bool(true)
bool(true)
NULL
fread: deprecated
fgets: deprecated
fwrite: deprecated
readFile: current
