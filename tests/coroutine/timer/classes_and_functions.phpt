--TEST--
Timer: class, aliases, static methods and global functions
--FILE--
<?php
var_dump(class_exists('Swoole\Timer'), class_exists('swoole_timer'), class_exists('Swoole\Timer\Iterator'));
var_dump(get_parent_class('Swoole\Timer\Iterator'), (new ReflectionClass('swoole_timer_iterator'))->getName());
$methods = array_map(fn($m) => $m->getName(), (new ReflectionClass(Swoole\Timer::class))->getMethods(ReflectionMethod::IS_STATIC));
echo implode(',', $methods), "\n";
foreach (['tick', 'after', 'exists', 'info', 'stats', 'list', 'clear', 'clear_all', 'set'] as $f) {
    echo "swoole_timer_$f: ", var_export(function_exists("swoole_timer_$f"), true), "\n";
}
echo (new ReflectionFunction('swoole_timer_tick')), "\n";
try {
    new Swoole\Timer();
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
string(13) "ArrayIterator"
string(21) "Swoole\Timer\Iterator"
tick,after,exists,info,stats,list,clear,clearAll,set
swoole_timer_tick: true
swoole_timer_after: true
swoole_timer_exists: true
swoole_timer_info: true
swoole_timer_stats: true
swoole_timer_list: true
swoole_timer_clear: true
swoole_timer_clear_all: true
swoole_timer_set: true
Function [ <internal:swoole> function swoole_timer_tick ] {

  - Parameters [3] {
    Parameter #0 [ <required> int $ms ]
    Parameter #1 [ <required> callable $callback ]
    Parameter #2 [ <optional> mixed ...$params ]
  }
  - Return [ int|false ]
}

Error: The object of Swoole\Timer can not be created for security reasons
