--TEST--
Table: array access is an Error in 4.8 and Swoole\Table\Row does not exist; tables cannot be cloned or serialized
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('i', Swoole\Table::TYPE_INT);
$t->create();
try { $t['k']; } catch (Error $e) { echo $e->getMessage(), "\n"; }
var_dump(class_exists('Swoole\Table\Row'));
try { clone $t; } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { serialize($t); } catch (Exception $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
Cannot use object of type Swoole\Table as array
bool(false)
Trying to clone an uncloneable object of class Swoole\Table
Serialization of 'Swoole\Table' is not allowed
