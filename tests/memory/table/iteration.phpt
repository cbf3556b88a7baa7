--TEST--
Table: foreach and the Iterator methods visit every row once; deleting during iteration skips nothing
--FILE--
<?php
$t = new Swoole\Table(1024);
$t->column('i', Swoole\Table::TYPE_INT);
$t->column('s', Swoole\Table::TYPE_STRING, 4);
$t->create();
foreach ($t as $k => $v) echo "empty table yields nothing\n";
$t->rewind();
var_dump($t->valid(), $t->key(), $t->current());
for ($i = 0; $i < 100; $i++) $t->set("k$i", ['i' => $i, 's' => "v$i"]);
$seen = [];
foreach ($t as $key => $row) {
    if ($row['i'] !== (int)substr($key, 1) || $row['s'] !== "v" . $row['i']) echo "bad row $key\n";
    $seen[$key] = ($seen[$key] ?? 0) + 1;
}
var_dump(count($seen), max($seen));
// manual iteration
$n = 0;
for ($t->rewind(); $t->valid(); $t->next()) { $n++; $last = $t->key(); }
var_dump($n, is_string($last), $t->valid(), $t->current());
// delete each row while iterating: every row is still visited exactly once
$seen = [];
foreach ($t as $key => $row) {
    $seen[$key] = ($seen[$key] ?? 0) + 1;
    $t->del($key);
    if ($key === 'k7') $t->del('k8');   // a row not yet visited may also go away
}
var_dump(count($t), max($seen), count($seen) >= 99, isset($seen['k7']));
?>
--EXPECT--
bool(false)
NULL
NULL
int(100)
int(1)
int(100)
bool(true)
bool(false)
NULL
int(0)
int(1)
bool(true)
bool(true)
