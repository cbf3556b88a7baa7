--TEST--
Table: using a table before create() is a fatal error
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('i', Swoole\Table::TYPE_INT);
var_dump($t->getSize(), $t->stats());
$t->set('a', ['i' => 1]);
echo "not reached\n";
?>
--EXPECTF--
int(64)
bool(false)

Fatal error: Swoole\Table::set(): table is not created or has been destroyed in %s on line %d
