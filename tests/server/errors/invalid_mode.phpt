--TEST--
Server: invalid $mode is fatal
--FILE--
<?php
new Swoole\Server('127.0.0.1', 0, 3);
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Server::__construct(): invalid $mode parameters 3 in %s on line %d
