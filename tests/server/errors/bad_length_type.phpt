--TEST--
Server: unknown package_length_type is fatal
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['package_length_type' => 'x']);
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Server::set(): unknown package_length_type, see pack() in %s on line %d
