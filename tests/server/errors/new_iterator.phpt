--TEST--
Connection\Iterator cannot be constructed directly
--FILE--
<?php
new Swoole\Connection\Iterator();
?>
--EXPECTF--
Fatal error: Swoole\Connection\Iterator::__construct(): please use the Swoole\Server->connections property in %s on line %d
