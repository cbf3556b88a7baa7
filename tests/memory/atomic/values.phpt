--TEST--
Atomic: unsigned 32-bit wrap-around, set/cmpset; Atomic\Long: signed 64-bit, no wait method
--FILE--
<?php
$a = new Swoole\Atomic(2**32 + 7);
var_dump($a->get(), $a->add(), $a->add(10), $a->add(-20), $a->sub(), $a->add(5));
$a = new Swoole\Atomic();
var_dump($a->sub(1), $a->set(-1), $a->get(), $a->cmpset(1, 2), $a->cmpset(4294967295, 2), $a->get());
$l = new Swoole\Atomic\Long();
var_dump($l->sub(1), $l->add(PHP_INT_MAX), $l->add(2) === PHP_INT_MIN, $l->set(5), $l->cmpset(5, -9), $l->get());
var_dump(method_exists($l, 'wait'), new swoole_atomic() instanceof Swoole\Atomic, new swoole_atomic_long(3) instanceof Swoole\Atomic\Long);
try { $l->wait(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
class A extends Swoole\Atomic { public function __construct() {} }
(new A)->get();
?>
--EXPECTF--
int(7)
int(8)
int(18)
int(4294967294)
int(4294967293)
int(2)
int(4294967295)
NULL
int(4294967295)
bool(false)
bool(true)
int(2)
int(-1)
int(9223372036854775806)
bool(true)
NULL
bool(true)
int(-9)
bool(false)
bool(true)
bool(true)
Call to undefined method Swoole\Atomic\Long::wait()

Fatal error: Swoole\Atomic::get(): you must call Atomic constructor first in %s on line %d
