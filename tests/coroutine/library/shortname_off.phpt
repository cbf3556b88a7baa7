--TEST--
library: without swoole.use_shortname there are no Co\ short names
--INI--
swoole.use_shortname=Off
--FILE--
<?php
var_dump(SWOOLE_LIBRARY);
var_dump(function_exists('Co\go'), function_exists('Co\defer'), class_exists('Co\WaitGroup'),
         class_exists('Co\Scheduler'));
var_dump(function_exists('Swoole\Coroutine\go'), class_exists('Swoole\Coroutine\WaitGroup'));
Swoole\Coroutine\run(function () {
    $wg = new Swoole\Coroutine\WaitGroup(1);
    Swoole\Coroutine\go(function () use ($wg) {
        Swoole\Coroutine::sleep(0.01);
        $wg->done();
    });
    var_dump($wg->wait());
});
?>
--EXPECT--
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
bool(true)
bool(true)
bool(true)
