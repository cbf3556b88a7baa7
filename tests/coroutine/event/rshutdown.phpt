--TEST--
Event: rshutdown() is the implicit Event::wait() of the script's end: deprecated, runs what is pending
--INI--
error_reporting=E_ALL
--FILE--
<?php
Swoole\Timer::after(10, function () { echo "timer\n"; });
Swoole\Event::rshutdown();
echo "returned\n";
Swoole\Event::rshutdown();  // nothing pending: silent
echo "done\n";
?>
--EXPECTF--
Deprecated: Swoole\Event::rshutdown(): Event::wait() in shutdown function is deprecated in %s on line %d
timer
returned
done
