--TEST--
Co\Socket: constructor failure throws Co\Socket\Exception with errno as code
--FILE--
<?php
var_dump(class_exists('Co\Socket\Exception'), is_subclass_of('Swoole\Coroutine\Socket\Exception', 'Swoole\Exception'));
try {
    new Co\Socket(99999, SOCK_STREAM, 0);
} catch (Co\Socket\Exception $e) {
    var_dump(get_class($e), $e->getMessage(), $e->getCode());
}
try {
    new Co\Socket(AF_INET);
} catch (ArgumentCountError $e) {
    echo "ArgumentCountError\n";
}
?>
--EXPECT--
bool(true)
bool(true)
string(33) "Swoole\Coroutine\Socket\Exception"
string(73) "new Socket() failed. Error: Address family not supported by protocol [97]"
int(97)
ArgumentCountError
