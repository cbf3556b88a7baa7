--TEST--
Swoole\Exception, Swoole\Error, Swoole\ExitException: parents, aliases, accessors (edge case 4)
--FILE--
<?php
$parent = fn($c) => (new ReflectionClass($c))->getParentClass()->getName();
var_dump($parent('Swoole\ExitException'), $parent('Swoole\Exception'), $parent('Swoole\Error'));
var_dump((new ReflectionClass('swoole_exception'))->getName(), (new ReflectionClass('swoole_error'))->getName());
var_dump(class_exists('Swoole_Exception'), is_subclass_of('Swoole\ExitException', 'Exception'));

try {
    throw new swoole_exception('boom', 42);
} catch (Swoole\Exception $e) {
    var_dump(get_class($e), $e->getMessage(), $e->getCode(), $e instanceof Exception);
}
try {
    throw new Swoole\Error('fatal', 10001);
} catch (Error $e) {
    var_dump(get_class($e), $e->getMessage(), $e->getCode(), $e instanceof Exception);
}

$x = new Swoole\ExitException('swoole exit');
var_dump($x->getStatus(), $x->getFlags(), $x->getMessage(), $x instanceof Swoole\Exception);
foreach (['status', 'flags'] as $prop) {
    $rp = new ReflectionProperty('Swoole\ExitException', $prop);
    var_dump($rp->isPrivate());
}
// The accessors return the private properties.
(new ReflectionProperty('Swoole\ExitException', 'status'))->setValue($x, 'bye');
(new ReflectionProperty('Swoole\ExitException', 'flags'))->setValue($x, SWOOLE_EXIT_IN_COROUTINE);
var_dump($x->getStatus(), $x->getFlags());
echo (new ReflectionMethod('Swoole\ExitException', 'getFlags'))->getReturnType(), ' ',
     (new ReflectionMethod('Swoole\ExitException', 'getStatus'))->getReturnType(), "\n";
?>
--EXPECT--
string(16) "Swoole\Exception"
string(9) "Exception"
string(5) "Error"
string(16) "Swoole\Exception"
string(12) "Swoole\Error"
bool(true)
bool(true)
string(16) "Swoole\Exception"
string(4) "boom"
int(42)
bool(true)
string(12) "Swoole\Error"
string(5) "fatal"
int(10001)
bool(false)
int(0)
int(0)
string(11) "swoole exit"
bool(true)
bool(true)
bool(true)
string(3) "bye"
int(2)
int mixed
