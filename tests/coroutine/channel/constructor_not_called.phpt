--TEST--
Channel: methods of an object whose constructor did not run are a fatal error
--FILE--
<?php
class MyChannel extends Swoole\Coroutine\Channel {
    public function __construct() {}
}
$c = new MyChannel();
var_dump($c->capacity);
$c->length();
echo "not reached\n";
?>
--EXPECTF--
int(0)

Fatal error: Swoole\Coroutine\Channel::length(): you must call Channel constructor first in %s on line %d
