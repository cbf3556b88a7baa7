--TEST--
coroutine: the deadlock report names every coroutine still asleep; it can be switched off
--FILE--
<?php
Co\run(function () {
    go(function () { Co::yield(); });
    go(function () { Co::yield(); });
});
echo "after run\n";
Co::set(['enable_deadlock_check' => false]);
Co\run(function () { go(function () { Co::yield(); }); });
echo "quiet\n";
?>
--EXPECTF--
===================================================================
 [FATAL ERROR]: all coroutines (count: 2) are asleep - deadlock!
===================================================================

 [Coroutine-3]
--------------------------------------------------------------------
#0 %s(4): Swoole\Coroutine::yield()
#1 [internal function]: {closure}()

 [Coroutine-2]
--------------------------------------------------------------------
#0 %s(3): Swoole\Coroutine::yield()
#1 [internal function]: {closure}()

after run
quiet
