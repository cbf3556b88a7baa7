--TEST--
Table: a subclass that skips the parent constructor gets the "constructor first" fatal error
--FILE--
<?php
class MyTable extends Swoole\Table {
    public function __construct() {}
}
$t = new MyTable();
var_dump($t->getSize());
$t->column('i', Swoole\Table::TYPE_INT);
echo "not reached\n";
?>
--EXPECTF--
int(0)

Fatal error: Swoole\Table::column(): you must call Table constructor first in %s on line %d
