--TEST--
Swoole\Coroutine\deadlock_check() prints the deadlock report for the coroutines alive
--FILE--
<?php
Co\run(function () {
    $cid = go(function () {
        Co::yield();
        echo "resumed\n";
    });
    Swoole\Coroutine\deadlock_check();
    Co::set(['deadlock_check_disable_trace' => true]);
    Swoole\Coroutine\deadlock_check();
    Co::resume($cid);
});
echo "end\n";
?>
--EXPECTF--
%A===================================================================
 [FATAL ERROR]: all coroutines (count: 2) are asleep - deadlock!
===================================================================
 [Coroutine-2]
--------------------------------------------------------------------
#0 %s(%d): Swoole\Coroutine::yield()
%A

 [Coroutine-1]
--------------------------------------------------------------------
%A#%d %s(%d): Swoole\Coroutine\deadlock_check()
%A


===================================================================
 [FATAL ERROR]: all coroutines (count: 2) are asleep - deadlock!
===================================================================
resumed
end
