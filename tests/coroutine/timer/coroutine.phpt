--TEST--
Timer: with coroutines enabled (the default) every callback runs in a new coroutine that may suspend
--FILE--
<?php
use Swoole\Timer;

var_dump(ini_get('swoole.enable_coroutine'));
$cids = [];
Timer::tick(30, function ($id) use (&$cids) {
    $cid = Co::getCid();
    $cids[] = $cid;
    echo "tick in coroutine: ", var_export($cid > 0, true), ", parent ", var_export(Co::getPcid(), true), "\n";
    if (count($cids) == 3) Timer::clear($id);
    // Suspending does not hold up the timer: the next tick starts meanwhile.
    Co::sleep(0.045);
    echo "tick woke in $cid: ", var_export(Co::getCid() === $cid, true), "\n";
});
Timer::after(10, function ($a, $b) {
    echo "after: $a $b in coroutine ", var_export(Co::getCid() > 0, true), "\n";
    Co::sleep(0.003);
    // The one-shot is gone once its callback first suspended.
    var_dump(Timer::stats()['num']);
}, 'x', 'y');
Swoole\Event::wait();
var_dump(count(array_unique($cids)) === 3);

// Inside Co\run too: a new coroutine, its parent is not the creator.
Co\run(function () {
    $outer = Co::getCid();
    Timer::after(1, function () use ($outer) {
        var_dump(Co::getCid() > $outer, Co::getPcid());
    });
});
echo "done\n";
?>
--EXPECT--
string(1) "1"
after: x y in coroutine true
int(1)
tick in coroutine: true, parent -1
tick in coroutine: true, parent -1
tick woke in 2: true
tick in coroutine: true, parent -1
tick woke in 3: true
tick woke in 4: true
bool(true)
bool(true)
int(-1)
done
