--TEST--
Table: get() and exist() in one process while another rewrites the rows, deletes and re-adds others: every row read is one whole set()
--FILE--
<?php
$t = new Swoole\Table(64, 1);
$t->column('a', Swoole\Table::TYPE_INT);
$t->column('s', Swoole\Table::TYPE_STRING, 960);  // long writes, still copied out by get()
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->create();
$row = fn(int $i) => ['a' => $i, 's' => str_repeat(chr(97 + $i % 26), $i % 950 + 1), 'f' => -$i / 2];
for ($k = 0; $k < 8; $k++) $t->set("k$k", $row(0));
$done = new Swoole\Atomic(0);
$pid = pcntl_fork();
if ($pid === 0) {
    for ($i = 1; $i <= 60000; $i++) {
        for ($k = 0; $k < 4; $k++) $t->set("k$k", $row($i));      // k0..k3 stay
        $t->del('k' . (4 + $i % 4));                              // k4..k7 come and go
        $t->set('k' . (4 + ($i + 1) % 4), $row($i));
    }
    $done->set(1);
    exit(0);
}
$reads = $bad = $lost = 0;
while ($done->get() === 0) {
    for ($k = 0; $k < 8; $k++) {
        $r = $t->get("k$k");
        if ($r === false) {
            if ($k < 4) $lost++;
            continue;
        }
        $reads++;
        if ($r != $row($r['a'])) $bad++;
        if ($k < 4 && !$t->exist("k$k")) $lost++;
        $s = $t->get("k$k", 's');
        if ($s !== false && $s !== str_repeat($s[0], strlen($s))) $bad++;
    }
}
pcntl_waitpid($pid, $status);
var_dump(pcntl_wexitstatus($status), $reads > 0, $bad, $lost, $t->get('k0', 'a'));
?>
--EXPECT--
int(0)
bool(true)
int(0)
int(0)
int(60000)
