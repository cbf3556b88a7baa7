--TEST--
Table: a negative size is taken as huge and create() dies with "unable to allocate memory"
--FILE--
<?php
$t = new Swoole\Table(-1);
var_dump($t->getSize());
$t->column('s', Swoole\Table::TYPE_STRING, 4096);
$t->create();
echo "not reached\n";
?>
--EXPECTF--
int(2147483648)

Fatal error: Swoole\Table::create(): unable to allocate memory in %s on line %d
