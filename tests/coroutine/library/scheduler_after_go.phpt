--TEST--
Scheduler: start() after go() in the same script finds the event loop already created
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
go(function () {
    Co::sleep(0.01);
    echo "go done\n";
});
$s = new Swoole\Coroutine\Scheduler();
$s->add(function () { echo "never\n"; });
var_dump($s->start());
echo "script end\n";
?>
--EXPECTF--
Warning: Swoole\Coroutine\Scheduler::start(): eventLoop has already been created. unable to start Swoole\Coroutine\Scheduler in %s on line %d
bool(false)
script end
go done
