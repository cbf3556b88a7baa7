--TEST--
Co\Socket: swoole_coroutine_socketpair gives two connected Unix stream sockets
--FILE--
<?php
Co\run(function () {
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    var_dump(get_class($a), $a->domain === AF_UNIX, $a->fd !== $b->fd);
    go(function () use ($b) {
        $line = $b->recv();
        $b->send(strtoupper($line));
    });
    var_dump($a->send("abc"));
    var_dump($a->recv());
    var_dump($a->getsockname());
});
?>
--EXPECT--
string(23) "Swoole\Coroutine\Socket"
bool(true)
bool(true)
int(3)
string(3) "ABC"
array(2) {
  ["address"]=>
  string(0) ""
  ["port"]=>
  int(0)
}
