--TEST--
Event: before any loop exists set/del/cycle warn, isset/dispatch return false, wait returns at once
--FILE--
<?php
use Swoole\Event;

var_dump(Event::isset(1));
var_dump(Event::set(1, function () {}));
var_dump(swoole_event_del(1));
var_dump(Event::cycle(function () {}));
var_dump(Event::cycle(null));
var_dump(Event::dispatch());
var_dump(Event::write(1, 'x'));
Event::wait();
Event::exit();
echo "done\n";
?>
--EXPECTF--
bool(false)

Warning: Swoole\Event::set(): reactor is not ready, cannot call swoole_event_set in %s on line %d
bool(false)

Warning: swoole_event_del(): reactor is not ready, cannot call swoole_event_del in %s on line %d
bool(false)

Warning: Swoole\Event::cycle(): reactor is not ready, cannot call Swoole\Event in %s on line %d
bool(false)

Warning: Swoole\Event::cycle(): reactor is not ready, cannot call Swoole\Event in %s on line %d
bool(false)
bool(false)

Warning: Swoole\Event::write(): socket[1] is not found in the reactor in %s on line %d
bool(false)
done
