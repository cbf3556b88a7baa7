--TEST--
Event: class, alias, static methods and global functions
--FILE--
<?php
var_dump(class_exists('Swoole\Event'), (new ReflectionClass('swoole_event'))->getName());
$methods = array_map(fn($m) => $m->getName(), (new ReflectionClass(Swoole\Event::class))->getMethods(ReflectionMethod::IS_STATIC));
echo implode(',', $methods), "\n";
foreach (['add', 'del', 'set', 'isset', 'dispatch', 'defer', 'cycle', 'write', 'wait', 'exit'] as $f) {
    echo "swoole_event_$f: ", var_export(function_exists("swoole_event_$f"), true), "\n";
}
var_dump(function_exists('swoole_async_set'), SWOOLE_EVENT_READ, SWOOLE_EVENT_WRITE);
echo new ReflectionMethod('Swoole\Event', 'add');
try {
    new Swoole\Event();
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
string(12) "Swoole\Event"
add,del,set,isset,dispatch,defer,cycle,write,wait,rshutdown,exit
swoole_event_add: true
swoole_event_del: true
swoole_event_set: true
swoole_event_isset: true
swoole_event_dispatch: true
swoole_event_defer: true
swoole_event_cycle: true
swoole_event_write: true
swoole_event_wait: true
swoole_event_exit: true
bool(true)
int(512)
int(1024)
Method [ <internal:swoole> static public method add ] {

  - Parameters [4] {
    Parameter #0 [ <required> mixed $fd ]
    Parameter #1 [ <optional> ?callable $read_callback = null ]
    Parameter #2 [ <optional> ?callable $write_callback = null ]
    Parameter #3 [ <optional> int $events = SWOOLE_EVENT_READ ]
  }
  - Return [ int|false ]
}
Error: The object of Swoole\Event can not be created for security reasons
