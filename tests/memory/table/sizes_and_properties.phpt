--TEST--
Table: row count rounding (minimum 64), conflict rows, size/memorySize before and after create, constants, alias
--FILE--
<?php
foreach ([1, 0, 64, 100, 1000] as $n) {
    $t = new Swoole\Table($n);
    echo $n, ' => ', $t->getSize(), "\n";
}
$t = new Swoole\Table(1);
var_dump($t->size, $t->memorySize, $t->getMemorySize());
$t->column('v', Swoole\Table::TYPE_INT);
$t->create();
var_dump($t->size, $t->memorySize === $t->getMemorySize(), $t->memorySize > (64 + 12) * (64 + 8));
var_dump($t->stats()['total_slice_num']);
$t = new Swoole\Table(64, 5);
$t->column('v', Swoole\Table::TYPE_INT);
$t->create();
var_dump($t->stats()['total_slice_num'], array_keys($t->stats()));
var_dump(Swoole\Table::TYPE_INT, Swoole\Table::TYPE_FLOAT, Swoole\Table::TYPE_STRING);
var_dump(new swoole_table(8) instanceof Swoole\Table, $t instanceof Iterator, $t instanceof Countable);
var_dump((new Swoole\Table(8))->stats());
?>
--EXPECT--
1 => 64
0 => 64
64 => 64
100 => 128
1000 => 1024
NULL
NULL
int(0)
int(64)
bool(true)
bool(true)
int(12)
int(64)
array(8) {
  [0]=>
  string(3) "num"
  [1]=>
  string(14) "conflict_count"
  [2]=>
  string(18) "conflict_max_level"
  [3]=>
  string(12) "insert_count"
  [4]=>
  string(12) "update_count"
  [5]=>
  string(12) "delete_count"
  [6]=>
  string(19) "available_slice_num"
  [7]=>
  string(15) "total_slice_num"
}
int(1)
int(2)
int(3)
bool(true)
bool(true)
bool(true)
bool(false)
