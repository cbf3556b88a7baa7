--TEST--
Table: destroy() returns true; later use is the "constructor first" fatal error
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('i', Swoole\Table::TYPE_INT);
$t->create();
$t->set('a', ['i' => 1]);
var_dump($t->destroy(), $t->getSize(), $t->getMemorySize());
$t->get('a');
echo "not reached\n";
?>
--EXPECTF--
bool(true)
int(0)
int(0)

Fatal error: Swoole\Table::get(): you must call Table constructor first in %s on line %d
