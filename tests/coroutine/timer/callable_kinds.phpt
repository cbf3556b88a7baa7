--TEST--
Timer: every kind of callable works and lives as long as the timer (closures, methods, __call, strings)
--FILE--
<?php
use Swoole\Timer;

class Job
{
    public function __construct(public string $name) {}
    public function run($x) { echo "{$this->name}->run($x)\n"; }
    public static function stat($x) { echo "Job::stat($x)\n"; }
    public function __call($m, $args) { echo "__call $m(", implode(',', $args), ")\n"; }
    public function __destruct() { echo "destruct {$this->name}\n"; }
}
function plain($x) { echo "plain($x)\n"; }

Timer::after(1, [new Job('a'), 'run'], 1);  // the timer keeps the object alive
Timer::after(2, 'Job::stat', 2);
Timer::after(3, [Job::class, 'stat'], 3);
Timer::after(4, 'plain', 4);
Timer::after(5, [new Job('b'), 'magic'], 5);
Timer::after(6, (new Job('c'))->run(...), 6);
Timer::tick(7, function ($id) {
    static $n = 0;
    if (++$n == 2) Timer::clear($id);
    echo "closure tick $n\n";
});
$d = new Job('d');
$id = Timer::after(1000, [$d, 'run'], 'never');
unset($d);
Timer::clear($id);  // releases the object at once
echo "cleared\n";
Swoole\Event::wait();
echo "done\n";
?>
--EXPECT--
destruct d
cleared
a->run(1)
destruct a
Job::stat(2)
Job::stat(3)
plain(4)
__call magic(5)
destruct b
c->run(6)
destruct c
closure tick 1
closure tick 2
done
