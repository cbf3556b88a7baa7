--TEST--
Co\Socket: setProtocol with an empty package_eof is a fatal E_ERROR
--FILE--
<?php
$s = new Co\Socket(AF_INET, SOCK_STREAM, 0);
$s->setProtocol(['open_eof_check' => true, 'package_eof' => '']);
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Coroutine\Socket::setProtocol(): package_eof cannot be an empty string in %s on line %d
