--TEST--
coroutine: exit_condition is asked once nothing is left; false keeps the loop going
--FILE--
<?php
$asked = 0;
Co::set(['exit_condition' => function () use (&$asked) {
    $asked++;
    if ($asked < 3) {
        // Give the loop something to do, then let it ask again.
        Swoole\Timer::after(10, function () use ($asked) { echo "timer after ask $asked\n"; });
        return false;
    }
    return true;
}]);
Co\run(function () { Co::sleep(0.01); echo "body done\n"; });
echo "asked $asked times\n";
Co::set(['exit_condition' => null]);
var_dump(array_key_exists('exit_condition', Co::getOptions()));
Co::set(['exit_condition' => 'no_such_function']);
?>
--EXPECTF--
body done
timer after ask 1
timer after ask 2
asked 3 times
bool(true)

Fatal error: Swoole\Coroutine::set(): exit_condition 'no_such_function' is not callable in %s on line %d
