--TEST--
system: statvfs works anywhere; the suspending helpers are a fatal Swoole\Error outside a coroutine
--FILE--
<?php
var_dump(is_array(Co\System::statvfs('/')));
try {
    Co\System::exec('echo never');
} catch (Throwable $e) {
    echo "caught: must not happen\n";
}
echo "not reached\n";
?>
--EXPECTF--
bool(true)

Fatal error: Uncaught Swoole\Error: API must be called in the coroutine in %s:%d
Stack trace:
#0 %s(%d): Swoole\Coroutine\System::exec('echo never')
#1 {main}
  thrown in %s on line %d
