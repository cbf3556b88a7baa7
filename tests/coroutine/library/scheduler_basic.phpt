--TEST--
Scheduler: add/parallel queue tasks that start() creates in order, then runs the loop
--FILE--
<?php
$s = new Swoole\Coroutine\Scheduler();
var_dump($s->add(function ($a, $b) {
    echo "task 1 cid ", Co::getCid(), " pcid ", Co::getPcid(), " args $a $b\n";
    Co::sleep(0.02);
    echo "task 1 end\n";
}, 'A', 'B'));
var_dump($s->parallel(3, function ($tag) {
    static $n = 0;
    $n++;
    echo "copy $n cid ", Co::getCid(), " $tag\n";
    Co::sleep(0.01);
}, 'p'));
$s->add('printf', "task 3 is a string callable: %s\n", 'ok');
$o = new class {
    public function run() { echo "method task\n"; }
};
$s->add([$o, 'run']);
$start = microtime(true);
var_dump($s->start());
var_dump(microtime(true) - $start < 0.5);
var_dump(Co::getCid());
echo "after start\n";
?>
--EXPECT--
NULL
NULL
task 1 cid 1 pcid -1 args A B
copy 1 cid 2 p
copy 2 cid 3 p
copy 3 cid 4 p
task 3 is a string callable: ok
method task
task 1 end
bool(true)
bool(true)
int(-1)
after start
