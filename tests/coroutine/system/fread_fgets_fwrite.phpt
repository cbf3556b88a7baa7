--TEST--
system: fread / fgets / fwrite on regular files (worker thread) and sockets (readiness); deprecated in 4.8
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
$f = tempnam(sys_get_temp_dir(), 'swoole-fio');
Co\run(function () use ($f) {
    $fp = fopen($f, 'w+');
    var_dump(Co\System::fwrite($fp, "line1\nline2\nline3"));
    var_dump(Co\System::fwrite($fp, "XYZ-ignored", 3));
    var_dump(Co\System::fwrite($fp, "!", 100));
    fseek($fp, 0);
    var_dump(Co\System::fgets($fp));
    var_dump(Co\System::fgets($fp));
    var_dump(Co\System::fread($fp, 3));
    var_dump(Co\System::fread($fp));  // the rest
    var_dump(Co\System::fread($fp));  // at EOF
    var_dump(Co\System::fgets($fp));  // at EOF
    fseek($fp, 0);
    var_dump(Co\System::fread($fp, 0));
    fclose($fp);
    var_dump(file_get_contents($f));

    // Sockets: fread waits for data, fwrite writes it, fgets refuses.
    [$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    go(function () use ($b) {
        Co::sleep(0.05);
        var_dump(Co\System::fwrite($b, 'hello'));
    });
    $t = microtime(true);
    var_dump(Co\System::fread($a, 100));
    var_dump(microtime(true) - $t >= 0.04);
    var_dump(Co\System::fgets($a));
    // A write larger than the socket buffer completes while the reader drains it.
    $big = str_repeat('z', 4 << 20);
    go(function () use ($a, &$got) {
        $got = '';
        while (strlen($got) < (4 << 20)) $got .= Co\System::fread($a, 65536);
    });
    var_dump(Co\System::fwrite($b, $big));
    while (strlen($got) < (4 << 20)) Co::sleep(0.01);
    var_dump($got === $big);
    fclose($b);
    var_dump(Co\System::fread($a));  // peer closed: ""

    // Devices neither regular nor pollable go to a worker: one read, a full write.
    $zero = fopen('/dev/zero', 'r');
    var_dump(bin2hex(Co\System::fread($zero, 4)), strlen(Co\System::fread($zero)));
    $null = fopen('/dev/null', 'w');
    var_dump(Co\System::fwrite($null, str_repeat('n', 100000)));

    // The deprecation notice.
    error_reporting(E_ALL);
    $fp = fopen($f, 'r');
    Co\System::fgets($fp);
});
unlink($f);
?>
--EXPECTF--
int(17)
int(3)
int(1)
string(6) "line1
"
string(6) "line2
"
string(3) "lin"
string(6) "e3XYZ!"
string(0) ""
bool(false)
string(21) "line1
line2
line3XYZ!"
string(21) "line1
line2
line3XYZ!"
int(5)
string(5) "hello"
bool(true)

Warning: Swoole\Coroutine\System::fgets(): only support file resources in %s on line %d
bool(false)
int(4194304)
bool(true)
string(0) ""
string(8) "00000000"
int(8192)
int(100000)

Deprecated: Method Swoole\Coroutine\System::fgets() is deprecated in %s on line %d
