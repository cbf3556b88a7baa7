--TEST--
Lock: constants, refused kinds (file lock, semaphore), unknown kinds become a mutex, alias
--FILE--
<?php
var_dump(SWOOLE_RWLOCK, SWOOLE_FILELOCK, SWOOLE_MUTEX, SWOOLE_SEM, SWOOLE_SPINLOCK);
var_dump(Swoole\Lock::RWLOCK, Swoole\Lock::FILELOCK, Swoole\Lock::MUTEX, Swoole\Lock::SEM, Swoole\Lock::SPINLOCK);
foreach ([[SWOOLE_FILELOCK, '/tmp/x'], [SWOOLE_SEM]] as $args) {
    try { new Swoole\Lock(...$args); } catch (Swoole\Exception $e) { echo $e->getCode(), ' ', $e->getMessage(), "\n"; }
}
foreach ([0, 99] as $type) {
    $l = new Swoole\Lock($type);
    var_dump($l->lockwait(1), $l->trylock(), $l->errCode);   // a mutex: lockwait is allowed
}
var_dump((new swoole_lock()) instanceof Swoole\Lock, (new Swoole\Lock())->errCode);
$m = new ReflectionMethod('Swoole\Lock', 'lockwait');
var_dump($m->getNumberOfRequiredParameters());
?>
--EXPECT--
int(1)
int(2)
int(3)
int(4)
int(5)
int(1)
int(2)
int(3)
int(4)
int(5)
0 FileLock and SemLock is no longer supported, please use mutex lock
0 FileLock and SemLock is no longer supported, please use mutex lock
bool(true)
bool(false)
int(16)
bool(true)
bool(false)
int(16)
bool(true)
int(0)
int(0)
