--TEST--
library: SWOOLE_LIBRARY, the classes, functions and Co\ short names exist
--FILE--
<?php
var_dump(SWOOLE_LIBRARY);
foreach (['Swoole\Coroutine\WaitGroup', 'Swoole\Coroutine\Barrier', 'Co\WaitGroup', 'Co\Barrier',
          'Swoole\Coroutine\Scheduler', 'Co\Scheduler'] as $class) {
    echo $class, ': ', var_export(class_exists($class), true), "\n";
}
foreach (['Swoole\Coroutine\go', 'Swoole\Coroutine\defer', 'Swoole\Coroutine\batch', 'Swoole\Coroutine\parallel',
          'Swoole\Coroutine\map', 'Swoole\Coroutine\deadlock_check', 'Swoole\Coroutine\run',
          'Co\go', 'Co\defer', 'Co\run'] as $fn) {
    echo $fn, ': ', var_export(function_exists($fn), true), "\n";
}
var_dump(new Co\WaitGroup instanceof Swoole\Coroutine\WaitGroup);
$r = new ReflectionClass(Swoole\Coroutine\Scheduler::class);
var_dump($r->isFinal(), $r->isInternal());
var_dump((new ReflectionClass(Swoole\Coroutine\WaitGroup::class))->getFileName());
?>
--EXPECT--
bool(true)
Swoole\Coroutine\WaitGroup: true
Swoole\Coroutine\Barrier: true
Co\WaitGroup: true
Co\Barrier: true
Swoole\Coroutine\Scheduler: true
Co\Scheduler: true
Swoole\Coroutine\go: true
Swoole\Coroutine\defer: true
Swoole\Coroutine\batch: true
Swoole\Coroutine\parallel: true
Swoole\Coroutine\map: true
Swoole\Coroutine\deadlock_check: true
Swoole\Coroutine\run: true
Co\go: true
Co\defer: true
Co\run: true
bool(true)
bool(true)
bool(true)
string(29) "@swoole/library/WaitGroup.php"
