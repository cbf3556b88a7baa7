--TEST--
coroutine: exit() outside any coroutine ends the script; the loop still runs at shutdown (with 4.8's deprecation notice)
--FILE--
<?php
go(function () { Co::sleep(0.01); echo "resumed during shutdown\n"; });
echo "before\n";
exit(0);
?>
--EXPECTF--
before

Deprecated: Swoole\Event::rshutdown(): Event::wait() in shutdown function is deprecated in Unknown on line 0
resumed during shutdown
