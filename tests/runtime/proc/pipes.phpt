--TEST--
runtime: PROC hook: proc_open pipes read inside a coroutine without blocking others; proc_close returns the exit code (not the raw status)
--FILE--
<?php
$ticks = 0;
Co::set(['hook_flags' => SWOOLE_HOOK_PROC]);
Co\run(function () use (&$ticks) {
    $tick = Swoole\Timer::tick(10, function () use (&$ticks) { $ticks++; });
    $p = proc_open('sleep 0.3; echo x; exit 3', [1 => ['pipe', 'w']], $pipes);
    var_dump(stream_get_contents($pipes[1]));     // waits ~0.3 s; only this coroutine does
    var_dump($ticks >= 10);
    fclose($pipes[1]);
    var_dump(proc_close($p));
    // stdin and stdout: the child echoes what it is sent until EOF.
    $p = proc_open('cat', [0 => ['pipe', 'r'], 1 => ['pipe', 'w']], $pipes);
    var_dump(fwrite($pipes[0], "ping\n"), fgets($pipes[1]));
    fclose($pipes[0]);
    var_dump(feof($pipes[1]) ? 'eof' : fread($pipes[1], 10), feof($pipes[1]));
    var_dump(proc_close($p));
    // proc_close closes pipes still open (the child waits for EOF on stdin).
    $p = proc_open('cat >/dev/null; exit 7', [0 => ['pipe', 'r']], $pipes);
    var_dump(proc_get_status($p)['running']);
    var_dump(proc_close($p));
    Swoole\Timer::clear($tick);
});
// Without the hook the same exit code comes back from PHP's proc_close.
$p = proc_open('exit 3', [], $pipes);
var_dump(proc_close($p));
?>
--EXPECT--
string(2) "x
"
bool(true)
int(3)
int(5)
string(5) "ping
"
string(0) ""
bool(true)
int(0)
bool(true)
int(7)
int(3)
