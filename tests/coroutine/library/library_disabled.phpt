--TEST--
library: swoole.enable_library=0 leaves out the PHP library (the native Scheduler and run stay)
--INI--
swoole.enable_library=0
--FILE--
<?php
var_dump(defined('SWOOLE_LIBRARY'));
var_dump(class_exists('Swoole\Coroutine\WaitGroup'), class_exists('Swoole\Coroutine\Barrier'),
         class_exists('Co\WaitGroup'));
var_dump(function_exists('Swoole\Coroutine\batch'), function_exists('Swoole\Coroutine\map'),
         function_exists('Swoole\Coroutine\parallel'), function_exists('Swoole\Coroutine\go'),
         function_exists('Swoole\Coroutine\defer'), function_exists('Co\go'), function_exists('Co\defer'));
var_dump(class_exists('Swoole\Coroutine\Scheduler'), function_exists('Swoole\Coroutine\run'));
?>
--EXPECT--
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(true)
bool(true)
