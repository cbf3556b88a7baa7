--TEST--
runtime: FILE hook: flock(LOCK_EX) in two coroutines serialises them while the loop keeps running (a timer ticks)
--FILE--
<?php
$file = sys_get_temp_dir() . '/swoole-runtime-flock-' . getmypid();
touch($file);
$events = [];
$ticks = 0;
Co::set(['hook_flags' => SWOOLE_HOOK_FILE | SWOOLE_HOOK_SLEEP]);
Co\run(function () use ($file, &$events, &$ticks) {
    $tick = Swoole\Timer::tick(10, function () use (&$ticks) { $ticks++; });
    $locked = new Swoole\Coroutine\Channel(1);
    $done = new Swoole\Coroutine\Channel(2);
    go(function () use ($file, &$events, $locked, $done) {
        $fp = fopen($file, 'a');
        var_dump(flock($fp, LOCK_EX));
        $events[] = 'A locked';
        $locked->push(true);
        usleep(200000);               // holds the lock; the loop goes on
        fwrite($fp, "A");
        $events[] = 'A unlocks';
        flock($fp, LOCK_UN);
        fclose($fp);
        $done->push(true);
    });
    go(function () use ($file, &$events, &$ticks, $locked, $done) {
        $locked->pop();
        $fp = fopen($file, 'a');
        var_dump(flock($fp, LOCK_EX | LOCK_NB, $would), $would);  // taken: fails at once
        $before = $ticks;
        $events[] = 'B waits';
        var_dump(flock($fp, LOCK_EX));
        $events[] = 'B locked';
        var_dump($ticks - $before >= 5);  // the timer ran while B waited
        fwrite($fp, "B");
        fclose($fp);
        $done->push(true);
    });
    $done->pop();
    $done->pop();
    Swoole\Timer::clear($tick);
});
echo implode("\n", $events), "\n";
var_dump(file_get_contents($file));
unlink($file);
?>
--EXPECT--
bool(true)
bool(false)
int(1)
bool(true)
bool(true)
A locked
B waits
A unlocks
B locked
string(2) "AB"
