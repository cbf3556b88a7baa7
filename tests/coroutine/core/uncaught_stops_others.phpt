--TEST--
coroutine: an uncaught exception ends the process with 255; parked coroutines never resume; the trace is the coroutine's
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
function deep() { Co::sleep(0.01); throw new RuntimeException("boom"); }
go(function () { deep(); });
go(function () { Co::sleep(0.5); echo "must not print\n"; });
echo "main end\n";
?>
--EXPECTF--
main end

Fatal error: Uncaught RuntimeException: boom in %s:2
Stack trace:
#0 %s(3): deep()
#1 [internal function]: {closure}()
#2 {main}
  thrown in %s on line 2
