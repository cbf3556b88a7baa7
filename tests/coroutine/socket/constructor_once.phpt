--TEST--
Co\Socket: methods on an object whose constructor did not run, and a second constructor call, are fatal
--FILE--
<?php
$s = (new ReflectionClass('Co\Socket'))->newInstanceWithoutConstructor();
var_dump($s->fd);
$t = new Co\Socket(AF_INET, SOCK_STREAM);
$t->__construct(AF_INET, SOCK_STREAM);
echo "not reached\n";
?>
--EXPECTF--
int(-1)

Fatal error: Swoole\Coroutine\Socket::__construct(): Constructor of Swoole\Coroutine\Socket can only be called once in %s on line %d
