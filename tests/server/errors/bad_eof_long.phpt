--TEST--
Server: a 9-byte package_eof is fatal
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['package_eof' => '123456789']);
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Server::set(): package_eof max length is 8 in %s on line %d
