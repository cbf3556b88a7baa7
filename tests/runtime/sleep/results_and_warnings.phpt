--TEST--
runtime: hooked usleep/time_nanosleep/time_sleep_until return values, and the warnings for bad arguments
--FILE--
<?php
Co\run(function () {
    var_dump(usleep(1000));
    var_dump(time_nanosleep(0, 1));
    var_dump(time_nanosleep(0, 20000000));
    var_dump(time_sleep_until(microtime(true) + 0.02));
    var_dump(time_sleep_until(microtime(true) - 1));
    var_dump(sleep(-1));
    var_dump(usleep(-1));
    var_dump(time_nanosleep(-1, 1));
    var_dump(time_nanosleep(0, -1));
    var_dump(sleep(0));
});
// Outside a coroutine the hooked functions sleep the process, with the same checks.
Swoole\Runtime::enableCoroutine(SWOOLE_HOOK_SLEEP);
var_dump(sleep(0), usleep(1000), time_nanosleep(0, 1000));
var_dump(sleep(-2));
?>
--EXPECTF--
NULL
bool(true)
bool(true)
bool(true)

Warning: time_sleep_until(): Sleep until to time is less than current time in %s on line %d
bool(false)

Warning: sleep(): Number of seconds must be greater than or equal to 0 in %s on line %d
bool(false)

Warning: usleep(): Number of seconds must be greater than or equal to 0 in %s on line %d
NULL

Warning: time_nanosleep(): The seconds value must be greater than 0 in %s on line %d
bool(false)

Warning: time_nanosleep(): The nanoseconds value must be greater than 0 in %s on line %d
bool(false)
int(0)
int(0)
NULL
bool(true)

Warning: sleep(): Number of seconds must be greater than or equal to 0 in %s on line %d
bool(false)
