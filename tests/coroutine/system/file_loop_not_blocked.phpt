--TEST--
system: readFile / writeFile block a worker thread, never the loop (a FIFO open only completes when another coroutine runs)
--FILE--
<?php
$dir = sys_get_temp_dir() . '/swoole-system-fifo-' . getmypid();
@mkdir($dir);
$fifo = "$dir/fifo";
posix_mkfifo($fifo, 0600);
Co\run(function () use ($fifo, $dir) {
    // readFile blocks in open() until a writer comes: the writer is an exec
    // started by another coroutine, which can only run if the loop does.
    go(function () use ($fifo) {
        Co::sleep(0.05);
        Co\System::exec("printf 'through the fifo' > $fifo");
    });
    var_dump(Co\System::readFile($fifo));

    // The same for writeFile, with a reader started afterwards.
    go(function () use ($fifo, &$read) {
        Co::sleep(0.05);
        $read = Co\System::exec("cat $fifo")['output'];
    });
    var_dump(Co\System::writeFile($fifo, 'written to the fifo'));
    while ($read === null) Co::sleep(0.01);
    var_dump($read);

    // A large file: the loop ticks while it is written and read.
    $big = "$dir/big";
    $data = str_repeat('0123456789abcdef', 4 << 20);  // 64 MiB
    $ticks = 0;
    $busy = true;
    go(function () use (&$ticks, &$busy) {
        while ($busy) {
            Co::sleep(0.001);
            $ticks++;
        }
    });
    var_dump(Co\System::writeFile($big, $data));
    $back = Co\System::readFile($big);
    $busy = false;
    var_dump($back === $data);
    var_dump($ticks > 0);
    unlink($big);
});
unlink($fifo);
rmdir($dir);
?>
--INI--
memory_limit=-1
--EXPECT--
string(16) "through the fifo"
int(19)
string(19) "written to the fifo"
int(67108864)
bool(true)
bool(true)
