--TEST--
Co\Socket: sendFile sends a file (whole, and a range); empty name warns
--FILE--
<?php
$file = tempnam(sys_get_temp_dir(), 'cos');
file_put_contents($file, "0123456789");
Co\run(function () use ($file) {
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    var_dump($a->sendFile($file));
    var_dump($b->recvAll(10, 1));
    var_dump($a->sendFile($file, 2, 3));
    var_dump($b->recv(100, 1));
    var_dump($a->sendFile(''));
    var_dump($a->sendFile('/nonexistent/file'), $a->errCode);
});
unlink($file);
?>
--EXPECTF--
bool(true)
string(10) "0123456789"
bool(true)
string(3) "234"

Warning: Swoole\Coroutine\Socket::sendFile(): file to send is empty in %s on line %d
bool(false)
bool(false)
int(2)
