--TEST--
Channel: not cloneable, not serializable, not unserializable
--FILE--
<?php
$c = new Swoole\Coroutine\Channel(2);
try {
    $d = clone $c;
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    serialize($c);
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    unserialize('O:24:"Swoole\Coroutine\Channel":0:{}');
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
Error: Trying to clone an uncloneable object of class Swoole\Coroutine\Channel
Exception: Serialization of 'Swoole\Coroutine\Channel' is not allowed
Exception: Unserialization of 'Swoole\Coroutine\Channel' is not allowed
