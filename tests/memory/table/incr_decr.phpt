--TEST--
Table: incr/decr create the row, return the new value, truncate float steps on int columns, and refuse bad columns
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('n', Swoole\Table::TYPE_INT);
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->column('s', Swoole\Table::TYPE_STRING, 8);
$t->create();
var_dump($t->incr('new', 'n', 5), $t->get('new'));
var_dump($t->incr('new', 'n'), $t->incr('new', 'n', 2.9), $t->decr('new', 'n', 20), $t->decr('new', 'n'));
var_dump($t->incr('new', 'f', 1), $t->decr('new', 'f', 0.25));
$t->set('max', ['n' => PHP_INT_MAX]);
var_dump($t->incr('max', 'n') === PHP_INT_MIN);
var_dump($t->incr('new', 's'));
var_dump($t->decr('new', 's'));
var_dump($t->incr('new', 'nope'));
try { $t->incr('new', 'n', []); } catch (TypeError $e) { echo get_class($e), "\n"; }
?>
--EXPECTF--
int(5)
array(3) {
  ["n"]=>
  int(5)
  ["f"]=>
  float(0)
  ["s"]=>
  string(0) ""
}
int(6)
int(8)
int(-12)
int(-13)
float(1)
float(0.75)
bool(true)

Warning: Swoole\Table::incr(): can't execute 'incr' on a string type column in %s on line %d
bool(false)

Warning: Swoole\Table::decr(): can't execute 'decr' on a string type column in %s on line %d
bool(false)

Warning: Swoole\Table::incr(): column[nope] does not exist in %s on line %d
bool(false)
TypeError
