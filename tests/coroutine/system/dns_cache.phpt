--TEST--
system: dns_cache_expire / dns_cache_capacity are accepted; swoole_clear_dns_cache() empties the cache
--FILE--
<?php
Co::set(['dns_cache_expire' => 1, 'dns_cache_capacity' => 2]);
Co\run(function () {
    // Cached or not, answers stay right.
    for ($i = 0; $i < 3; $i++) {
        var_dump(Co\System::gethostbyname('localhost'));
    }
    swoole_clear_dns_cache();
    var_dump(Co\System::gethostbyname('localhost'));
    Co::set(['dns_cache_capacity' => 0]);
    var_dump(Co\System::gethostbyname('localhost'));
});
var_dump(swoole_clear_dns_cache());
?>
--EXPECT--
string(9) "127.0.0.1"
string(9) "127.0.0.1"
string(9) "127.0.0.1"
string(9) "127.0.0.1"
string(9) "127.0.0.1"
NULL
