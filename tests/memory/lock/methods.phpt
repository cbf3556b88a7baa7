--TEST--
Lock: trylock fails with errCode 16 even for the holder, unlock of a free lock is true, read locks share, lockwait errors
--FILE--
<?php
foreach ([SWOOLE_MUTEX, SWOOLE_SPINLOCK] as $type) {
    $l = new Swoole\Lock($type);
    var_dump($l->lock(), $l->trylock(), $l->errCode, $l->trylock_read(), $l->unlock(), $l->unlock(), $l->lock_read(), $l->unlock());
}
$rw = new Swoole\Lock(SWOOLE_RWLOCK);
var_dump($rw->lock_read(), $rw->trylock_read(), $rw->trylock(), $rw->errCode, $rw->unlock(), $rw->unlock(), $rw->trylock(), $rw->unlock());
try { $rw->lockwait(1); } catch (Swoole\Exception $e) { echo $e->getCode(), ' ', $e->getMessage(), "\n"; }
try { (new Swoole\Lock(SWOOLE_SPINLOCK))->lockwait(1); } catch (Swoole\Exception $e) { echo $e->getCode(), ' ', $e->getMessage(), "\n"; }
try { (new Swoole\Lock())->lockwait(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
$m = new Swoole\Lock();
var_dump($m->destroy());
$m->lock();
?>
--EXPECTF--
bool(true)
bool(false)
int(16)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
int(16)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
int(16)
bool(true)
bool(true)
bool(true)
bool(true)
-2 only mutex supports lockwait
-2 only mutex supports lockwait
Swoole\Lock::lockwait() expects exactly 1 argument, 0 given
NULL

Fatal error: Swoole\Lock::lock(): you must call Lock constructor first in %s on line %d
