--TEST--
process: Process::signal handlers run from the loop; replace, SIG_IGN, removal; a handler alone does not keep the loop
--FILE--
<?php
use Swoole\Process;
Swoole\Coroutine\run(function () {
    $seen = [];
    var_dump(Process::signal(SIGUSR1, function ($signo) use (&$seen) { $seen[] = "first $signo"; }));
    var_dump(Process::signal(SIGUSR1, function ($signo) use (&$seen) { $seen[] = "second $signo"; }));
    posix_kill(getmypid(), SIGUSR1);
    Co::sleep(0.05);
    var_dump($seen);
    var_dump(Process::signal(SIGUSR1, null));
    var_dump(Process::signal(SIGUSR1, null));
    // Ignored: delivering it does nothing (the default would kill us).
    var_dump(Process::signal(SIGUSR2, SIG_IGN));
    posix_kill(getmypid(), SIGUSR2);
    Co::sleep(0.02);
    echo "still alive\n";
    var_dump(Process::signal(SIGUSR2, SIG_DFL));
});
// Only a handler registered: the implicit loop ends at once.
Process::signal(SIGHUP, function () { echo "never\n"; });
echo "end\n";
?>
--EXPECTF--
bool(true)
bool(true)
array(1) {
  [0]=>
  string(9) "second 10"
}
bool(true)

Warning: Swoole\Process::signal(): unable to find the callback of signal [10] in %s on line %d
bool(false)
bool(true)
still alive
bool(true)
end

Deprecated: Swoole\Event::rshutdown(): Event::wait() in shutdown function is deprecated in Unknown on line 0
