--TEST--
Table: a key over 63 bytes warns, is found by the whole key only, and iterates as its 63-byte prefix
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('i', Swoole\Table::TYPE_INT);
$t->create();
$long = str_repeat('k', 64);
$other = str_repeat('k', 63) . 'z';
var_dump($t->set($long, ['i' => 1]));
var_dump($t->set($other, ['i' => 2]));
var_dump($t->get($long, 'i'), $t->get($other, 'i'), $t->get(str_repeat('k', 63)), count($t));
$t->set(str_repeat('k', 63), ['i' => 3]);
foreach ($t as $key => $row) $seen[] = strlen($key) . ':' . $row['i'];
sort($seen);
echo implode(',', $seen), "\n";
var_dump($t->del($long), $t->exist($other));
?>
--EXPECTF--
Warning: Swoole\Table::set(): key[kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk] is too long in %s on line %d
bool(true)

Warning: Swoole\Table::set(): key[kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkz] is too long in %s on line %d
bool(true)
int(1)
int(2)
bool(false)
int(2)
63:1,63:2,63:3
bool(true)
bool(true)
