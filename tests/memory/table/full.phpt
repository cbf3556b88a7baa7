--TEST--
Table: when a key's bucket is taken and every conflict row is used, set() warns and returns false
--FILE--
<?php
$t = new Swoole\Table(64);          // 64 bucket rows + 12 conflict rows
$t->column('i', Swoole\Table::TYPE_INT);
$t->create();
$stored = 0;
for ($i = 0; $i < 1000; $i++) {
    if (!@$t->set("key-$i", ['i' => $i])) { $refused = "key-$i"; break; }
    $stored++;
}
$s = $t->stats();
var_dump(isset($refused), $stored === count($t), $stored === $s['insert_count']);
var_dump($s['available_slice_num'], $s['conflict_count'], $stored >= 13 && $stored <= 76);
var_dump($t->set($refused, ['i' => 1]));
var_dump($t->incr($refused, 'i'));
var_dump($t->exist($refused), $t->set('key-0', ['i' => -1]), $t->get('key-0', 'i'));
// deleting every stored key frees all conflict rows again, and the refused key fits
for ($i = 0; $i < $stored; $i++) $t->del("key-$i");
var_dump(count($t), $t->stats()['available_slice_num'], $t->set($refused, ['i' => 1]));
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
int(0)
int(12)
bool(true)

Warning: Swoole\Table::set(): failed to set('key-%d'), unable to allocate memory in %s on line %d
bool(false)

Warning: Swoole\Table::incr(): failed to incr('key-%d'), unable to allocate memory in %s on line %d
bool(false)
bool(false)
bool(true)
int(-1)
int(0)
int(12)
bool(true)
