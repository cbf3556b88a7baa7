--TEST--
system: Co::cancel interrupts wait, waitPid, exec, readFile and dnsLookup; the call returns false with SWOOLE_ERROR_CO_CANCELED
--FILE--
<?php
$dir = sys_get_temp_dir() . '/swoole-system-cancel-' . getmypid();
@mkdir($dir);
$fifo = "$dir/fifo";
posix_mkfifo($fifo, 0600);
$mute = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
Co::set(['dns_server' => stream_socket_get_name($mute, false)]);

function cancel_soon(string $what, callable $fn) {
    $cid = go(function () use ($what, $fn) {
        $r = $fn();
        printf("%s: %s, canceled=%s, last_error=%s\n", $what, var_export($r, true),
            var_export(Co::isCanceled(), true), swoole_last_error() === SWOOLE_ERROR_CO_CANCELED ? 'CO_CANCELED' : swoole_last_error());
    });
    Co::sleep(0.05);
    var_dump(Co::cancel($cid));
}

Co\run(function () use ($fifo) {
    cancel_soon('wait', fn() => Co\System::wait(10));
    $p = proc_open('exec sleep 0.3', [], $pipes);
    $pid = proc_get_status($p)['pid'];
    cancel_soon('waitPid', fn() => Co\System::waitPid($pid, 10));
    var_dump(Co\System::waitPid($pid, 5)['pid'] === $pid);  // still ours to wait for
    cancel_soon('exec', fn() => Co\System::exec('sleep 0.3'));
    cancel_soon('readFile', fn() => Co\System::readFile($fifo));
    fclose(fopen($fifo, 'w'));  // lets the abandoned read finish
    cancel_soon('dnsLookup', fn() => Co\System::dnsLookup('svc.test', 10));
    var_dump(Co\System::readFile(__FILE__) === file_get_contents(__FILE__));  // nothing is left stuck
});
unlink($fifo);
rmdir($dir);
echo "done\n";
?>
--EXPECT--
wait: false, canceled=true, last_error=CO_CANCELED
bool(true)
waitPid: false, canceled=true, last_error=CO_CANCELED
bool(true)
bool(true)
exec: false, canceled=true, last_error=CO_CANCELED
bool(true)
readFile: false, canceled=true, last_error=CO_CANCELED
bool(true)
dnsLookup: false, canceled=true, last_error=CO_CANCELED
bool(true)
bool(true)
done
