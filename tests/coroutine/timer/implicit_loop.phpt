--TEST--
Timer: a timer created in a plain script creates the loop, which runs when the script ends
--INI--
; the implicit loop at the end of the script is deprecated in Swoole 4.8 (E_DEPRECATED)
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
Swoole\Timer::after(50, function () {
    echo "after 50\n";
});
$n = 0;
Swoole\Timer::tick(10, function ($id) use (&$n) {
    echo "tick ", ++$n, "\n";
    if ($n == 2) Swoole\Timer::clear($id);
});
register_shutdown_function(function () {
    echo "shutdown function\n";
});
echo "end of script\n";
?>
--EXPECT--
end of script
tick 1
tick 2
after 50
shutdown function
