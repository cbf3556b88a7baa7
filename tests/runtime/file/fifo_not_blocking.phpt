--TEST--
runtime: FILE hook: opening and reading a FIFO waits in the pool, the loop keeps running; outside coroutines files work as usual
--FILE--
<?php
$fifo = sys_get_temp_dir() . '/swoole-runtime-fifo-' . getmypid();
posix_mkfifo($fifo, 0600);
$ticks = 0;
Co::set(['hook_flags' => SWOOLE_HOOK_FILE]);
Co\run(function () use ($fifo, &$ticks) {
    $tick = Swoole\Timer::tick(10, function () use (&$ticks) { $ticks++; });
    $got = new Swoole\Coroutine\Channel(1);
    go(function () use ($fifo, $got) {
        $fp = fopen($fifo, 'r');      // no writer yet: open() waits, only this coroutine does
        $got->push(fread($fp, 100));
        fclose($fp);
    });
    go(function () use ($fifo, &$ticks) {
        while ($ticks < 5) Co::sleep(0.01);  // the loop ran while the reader was stuck in open()
        $fp = fopen($fifo, 'w');
        fwrite($fp, "through the fifo");
        fclose($fp);
    });
    var_dump($got->pop(5));
    Swoole\Timer::clear($tick);
});
unlink($fifo);
Swoole\Runtime::enableCoroutine(SWOOLE_HOOK_FILE);  // hooked, outside any coroutine
$f = sys_get_temp_dir() . '/swoole-runtime-plain-' . getmypid();
var_dump(file_put_contents($f, "abc"), file_get_contents($f), unlink($f), file_exists($f));
?>
--EXPECT--
string(16) "through the fifo"
int(3)
string(3) "abc"
bool(true)
bool(false)
