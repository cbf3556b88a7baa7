--TEST--
Table: every column type round trips; casts, truncation of long strings, partial updates, null resets
--FILE--
<?php
$t = new Swoole\Table(64);
var_dump($t->column('i', Swoole\Table::TYPE_INT, 1));   // size ignored: always 8 bytes
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->column('s', Swoole\Table::TYPE_STRING, 5);            // capacity 8
$t->column('b', Swoole\Table::TYPE_STRING, 16);
var_dump($t->create());

var_dump($t->set('max', ['i' => PHP_INT_MAX, 'f' => -0.25, 's' => '12345678', 'b' => "a\0b"]));
var_dump($t->get('max') === ['i' => PHP_INT_MAX, 'f' => -0.25, 's' => '12345678', 'b' => "a\0b"]);
$t->set('min', ['i' => PHP_INT_MIN]);
var_dump($t->get('min', 'i') === PHP_INT_MIN, $t->get('min', 'f'), $t->get('min', 's'));

// '42abc' is cast to 42, a 9-byte string is cut to the 8-byte capacity (log line), unknown columns ignored
var_dump($t->set("k\0bin", ['i' => '42abc', 'f' => '2.5', 's' => '123456789', 'nope' => 1, 3 => 'x']));
var_dump($t->get("k\0bin"));
// an update changes only the given columns; null resets to 0 / ""
$t->set("k\0bin", ['f' => 7, 's' => null]);
var_dump($t->get("k\0bin"));
var_dump($t->exist("k\0bin"), $t->exists('k'), $t->get('missing'), $t->get('max', 'nope'));
var_dump($t->del('max'), $t->delete('max'), $t->exist('max'), count($t), $t->count(COUNT_RECURSIVE));
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
float(0)
string(0) ""
%sWARNING	TableRow::set_value(): [key=k%S,field=s]string value is too long
bool(true)
array(4) {
  ["i"]=>
  int(42)
  ["f"]=>
  float(2.5)
  ["s"]=>
  string(8) "12345678"
  ["b"]=>
  string(0) ""
}
array(4) {
  ["i"]=>
  int(42)
  ["f"]=>
  float(7)
  ["s"]=>
  string(0) ""
  ["b"]=>
  string(0) ""
}
bool(true)
bool(false)
bool(false)
bool(false)
bool(true)
bool(false)
bool(false)
int(2)
int(8)
