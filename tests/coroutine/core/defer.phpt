--TEST--
coroutine: defers run LIFO with the function's return value, and also after an exception
--FILE--
<?php
Co\run(function () {
    go(function () {
        defer(function ($r) { echo "A got ", var_export($r, true), "\n"; });
        Co::defer(function () { echo "B\n"; });
        swoole_coroutine_defer(function () {
            echo "C, registering D\n";
            defer(function () { echo "D (registered by C)\n"; });
        });
        Co::sleep(0.001);
        return 42;
    });
});
go(function () {
    defer(function () { echo "defer after throw, args: ", func_num_args(), "\n"; });
    throw new LogicException("thrown in coroutine");
});
echo "not reached\n";
?>
--EXPECTF--
C, registering D
D (registered by C)
B
A got 42
defer after throw, args: 0

Fatal error: Uncaught LogicException: thrown in coroutine in %s:%d
Stack trace:
#0 [internal function]: {closure}()
#1 {main}
  thrown in %s on line %d
