--TEST--
Server\Port cannot be constructed directly
--FILE--
<?php
new Swoole\Server\Port();
?>
--EXPECTF--
Fatal error: Swoole\Server\Port::__construct(): please use the Swoole\Server->listen method in %s on line %d
