--TEST--
Table: four processes doing 100,000 incr each on one row (and on their own rows) end exactly right
--FILE--
<?php
$t = new Swoole\Table(1024);
$t->column('n', Swoole\Table::TYPE_INT);
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->create();
$pids = [];
for ($p = 0; $p < 4; $p++) {
    $pid = pcntl_fork();
    if ($pid === 0) {
        for ($i = 0; $i < 100000; $i++) {
            $t->incr('shared', 'n');
            $t->incr("own$p", 'n');
            $t->incr('shared', 'f', 0.5);
        }
        exit(0);
    }
    $pids[] = $pid;
}
foreach ($pids as $pid) { pcntl_waitpid($pid, $status); var_dump(pcntl_wexitstatus($status)); }
var_dump($t->get('shared', 'n'), $t->get('shared', 'f'));
for ($p = 0; $p < 4; $p++) echo $t->get("own$p", 'n'), "\n";
var_dump(count($t));
?>
--EXPECT--
int(0)
int(0)
int(0)
int(0)
int(400000)
float(200000)
100000
100000
100000
100000
int(5)
