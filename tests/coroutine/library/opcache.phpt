--TEST--
library: loads and works with opcache enabled
--SKIPIF--
<?php if (!function_exists('opcache_get_status')) die('skip opcache not loaded'); ?>
--INI--
opcache.enable=1
opcache.enable_cli=1
--FILE--
<?php
var_dump(opcache_get_status(false)['opcache_enabled']);
var_dump(SWOOLE_LIBRARY);
Co\run(function () {
    var_dump(Swoole\Coroutine\map(['x' => 1, 'y' => 2], function ($v) {
        Co::sleep(0.01);
        return $v * 10;
    }));
    $b = Swoole\Coroutine\Barrier::make();
    go(function () use ($b) { Co::sleep(0.01); echo "child\n"; });
    Swoole\Coroutine\Barrier::wait($b);
    echo "after barrier\n";
});
?>
--EXPECT--
bool(true)
bool(true)
array(2) {
  ["x"]=>
  int(10)
  ["y"]=>
  int(20)
}
child
after barrier
