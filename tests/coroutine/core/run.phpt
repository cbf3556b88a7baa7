--TEST--
coroutine: Co\run runs everything to the end; nested or after go() it warns and returns false
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
var_dump(Co\run(function () {
    echo "cid ", Co::getCid(), "\n";
    go(function () { Co::sleep(0.02); echo "child done\n"; });
    var_dump(Swoole\Coroutine\run(fn() => print("inner\n")));
}));
echo "after first run\n";
var_dump(Co\run(fn($x, $y) => print("second run $x $y\n"), 'a', 'b'));
go(fn() => Co::sleep(0.01));
var_dump(Co\run(fn() => print("never\n")));
?>
--EXPECTF--
cid 1

Warning: %s: eventLoop has already been created. unable to start Swoole\Coroutine\Scheduler in %s on line %d
bool(false)
child done
bool(true)
after first run
second run a b
bool(true)

Warning: %s: eventLoop has already been created. unable to start Swoole\Coroutine\Scheduler in %s on line %d
bool(false)
