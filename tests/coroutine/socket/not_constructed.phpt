--TEST--
Co\Socket: a method on an object whose constructor did not run is a fatal error
--FILE--
<?php
$s = (new ReflectionClass('Co\Socket'))->newInstanceWithoutConstructor();
$s->close();
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Coroutine\Socket::close(): you must call Socket constructor first in %s on line %d
