--TEST--
coroutine: exit() outside any coroutine ends the script; the loop still runs at shutdown
--FILE--
<?php
go(function () { Co::sleep(0.01); echo "resumed during shutdown\n"; });
echo "before\n";
exit(0);
?>
--EXPECT--
before
resumed during shutdown
