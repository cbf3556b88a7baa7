--TEST--
Event: dispatch() runs one iteration; a new loop's first iteration does not wait
--FILE--
<?php
$id = swoole_timer_tick(50, function () {
    echo "Tick\n";
});
$n = 5;
while ($n--) {
    echo "loop\n";
    var_dump(Swoole\Event::dispatch());
}
swoole_timer_clear($id);
?>
--EXPECT--
loop
bool(true)
loop
Tick
bool(true)
loop
Tick
bool(true)
loop
Tick
bool(true)
loop
Tick
bool(true)
