--TEST--
Server: empty package_eof is fatal
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['package_eof' => '']);
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Server::set(): package_eof cannot be an empty string in %s on line %d
