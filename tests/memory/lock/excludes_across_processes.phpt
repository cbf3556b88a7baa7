--TEST--
Lock: two processes doing get-then-set on a Table counter under each lock kind lose no update
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('n', Swoole\Table::TYPE_INT);
$t->create();
foreach (['mutex' => SWOOLE_MUTEX, 'spinlock' => SWOOLE_SPINLOCK, 'rwlock' => SWOOLE_RWLOCK] as $name => $type) {
    $l = new Swoole\Lock($type);
    $t->set($name, ['n' => 0]);
    $pids = [];
    for ($p = 0; $p < 2; $p++) {
        $pid = pcntl_fork();
        if ($pid === 0) {
            for ($i = 0; $i < 20000; $i++) {
                $l->lock();
                $v = $t->get($name, 'n');      // read-modify-write: loses updates without the lock
                $t->set($name, ['n' => $v + 1]);
                $l->unlock();
            }
            exit(0);
        }
        $pids[] = $pid;
    }
    foreach ($pids as $pid) pcntl_waitpid($pid, $status);
    echo $name, ' ', $t->get($name, 'n'), "\n";
}
?>
--EXPECT--
mutex 40000
spinlock 40000
rwlock 40000
