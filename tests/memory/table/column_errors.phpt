--TEST--
Table: column() refuses a string column without size, an unknown type, a duplicate name, and any column after create()
--FILE--
<?php
$t = new Swoole\Table(64);
var_dump($t->column('s', Swoole\Table::TYPE_STRING));
var_dump($t->column('s', Swoole\Table::TYPE_STRING, -3));
var_dump($t->column('x', 99));
var_dump($t->column('i', Swoole\Table::TYPE_INT));
var_dump($t->column('i', Swoole\Table::TYPE_FLOAT));
$t->create();
var_dump($t->column('late', Swoole\Table::TYPE_INT));
var_dump(array_keys($t->get('none') ?: ['none' => 1]));
$t->set('a', []);
var_dump($t->get('a'));
?>
--EXPECTF--
Warning: Swoole\Table::column(): the length of string type values has to be more than zero in %s on line %d
bool(false)

Warning: Swoole\Table::column(): the length of string type values has to be more than zero in %s on line %d
bool(false)
%sWARNING	Table::add_column(): unknown column type
bool(false)
bool(true)
%sWARNING	Table::add_column(): column[i] already exists
bool(false)

Warning: Swoole\Table::column(): unable to add column after table has been created in %s on line %d
bool(false)
array(1) {
  [0]=>
  string(4) "none"
}
array(1) {
  ["i"]=>
  int(0)
}
