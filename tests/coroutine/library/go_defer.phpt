--TEST--
Swoole\Coroutine\go/defer and Co\go/Co\defer wrap Co::create and Co::defer
--FILE--
<?php
Co\run(function () {
    $cid = Swoole\Coroutine\go(function ($a, $b) {
        Swoole\Coroutine\defer(function () { echo "defer 1\n"; });
        Co\defer(function ($ret) { echo "defer 2 got ", var_export($ret, true), "\n"; });
        defer(function () { echo "defer 3\n"; });
        echo "args $a $b\n";
        Co::sleep(0.01);
        return 'ret';
    }, 'x', 'y');
    var_dump(is_int($cid) && $cid > 1);
    $cid2 = Co\go(function (...$args) {
        echo "Co\\go args ", implode(',', $args), " parent ", Co::getPcid(), "\n";
    }, 1, 2, 3);
    var_dump($cid2 === $cid + 1);
});
?>
--EXPECT--
args x y
bool(true)
Co\go args 1,2,3 parent 1
bool(true)
defer 3
defer 2 got 'ret'
defer 1
