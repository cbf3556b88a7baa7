--TEST--
runtime: two coroutines each calling hooked sleep(1) finish together in about one second; sleep() returns 0
--FILE--
<?php
$start = microtime(true);
Co\run(function () {
    for ($i = 0; $i < 2; $i++) {
        go(function () { var_dump(sleep(1)); });
    }
});
$elapsed = microtime(true) - $start;
var_dump($elapsed >= 0.95, $elapsed < 1.6);
?>
--EXPECT--
int(0)
int(0)
bool(true)
bool(true)
