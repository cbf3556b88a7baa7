--TEST--
runtime: FILE hook: Co::cancel() on a coroutine inside a hooked file call does not cut the call short (the pool thread still uses its buffers); the call completes normally
--FILE--
<?php
$fifo = sys_get_temp_dir() . '/swoole-runtime-cancel-' . getmypid();
posix_mkfifo($fifo, 0600);
Co::set(['hook_flags' => SWOOLE_HOOK_FILE]);
Co\run(function () use ($fifo) {
    $reader = go(function () use ($fifo) {
        $fp = fopen($fifo, 'r');
        var_dump(fread($fp, 100));
        fclose($fp);
    });
    Co::sleep(0.05);
    var_dump(Co::cancel($reader));   // it was parked: the cancel is delivered...
    var_dump(Co::exists($reader));   // ...but the open is still running, and so is the coroutine
    $fp = fopen($fifo, 'w');
    fwrite($fp, "complete");
    fclose($fp);
});
unlink($fifo);
echo "done\n";
?>
--EXPECT--
bool(true)
bool(true)
string(8) "complete"
done
