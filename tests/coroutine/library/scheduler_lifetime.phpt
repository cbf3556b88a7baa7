--TEST--
Scheduler: queued closures and arguments are released when no longer needed; cycles are collected
--FILE--
<?php
class Probe {
    public function __construct(public string $name) {}
    public function __destruct() { echo "destroy {$this->name}\n"; }
}

$s = new Swoole\Coroutine\Scheduler();
$captured = new Probe('captured');
$s->add(function ($arg) use ($captured) {
    Co::sleep(0.01);
    echo "task 1 end\n";
}, new Probe('argument'));
unset($captured);
$s->add(function () {
    Co::sleep(0.05);
    echo "task 2 end\n";
});
var_dump($s->start());

// A scheduler that is never started, in a cycle with its own task.
$s = new Swoole\Coroutine\Scheduler();
$probe = new Probe('cycle');
$s->add(function () use ($s, $probe) {});
unset($s, $probe);
echo "collecting\n";
var_dump(gc_collect_cycles() > 0);
echo "end\n";
?>
--EXPECT--
task 1 end
destroy argument
destroy captured
task 2 end
bool(true)
collecting
destroy cycle
bool(true)
end
