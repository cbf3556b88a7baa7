--TEST--
swoole_async_set(): once the event loop exists it is a fatal error
--INI--
; the implicit loop at the end of the script is deprecated in Swoole 4.8 (E_DEPRECATED)
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
Swoole\Event::defer(function () {});  // creates the loop
swoole_async_set(['enable_coroutine' => false]);
echo "never\n";
?>
--EXPECTF--
Fatal error: swoole_async_set(): eventLoop has already been created. unable to change settings in %s on line %d
