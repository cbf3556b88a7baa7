--TEST--
Channel: pop() outside a coroutine is the fatal Swoole\Error even with a buffered value
--FILE--
<?php
$c = new Swoole\Coroutine\Channel(4);
go(function () use ($c) { $c->push('x'); });
var_dump($c->length());
$c->pop();
echo "not reached\n";
?>
--EXPECTF--
int(1)

Fatal error: Uncaught Swoole\Error: API must be called in the coroutine in %s:%d
Stack trace:
#0 %s(%d): Swoole\Coroutine\Channel->pop()
#1 {main}
  thrown in %s on line %d
