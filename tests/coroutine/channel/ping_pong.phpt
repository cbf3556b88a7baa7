--TEST--
Channel: two coroutines exchange 10,000 messages in order
--FILE--
<?php
use Swoole\Coroutine\Channel;

$errors = 0;
$exchanged = 0;
Co\run(function () use (&$errors, &$exchanged) {
    $n = 10000;
    $ping = new Channel(1);
    $pong = new Channel(1);
    go(function () use ($ping, $pong, $n, &$errors) {
        for ($i = 0; $i < $n; $i++) {
            if ($ping->pop() !== "ping $i") $errors++;
            $pong->push(['pong' => $i]);
        }
    });
    go(function () use ($ping, $pong, $n, &$errors, &$exchanged) {
        for ($i = 0; $i < $n; $i++) {
            $ping->push("ping $i");
            if ($pong->pop() !== ['pong' => $i]) $errors++;
            $exchanged++;
        }
    });
});
var_dump($exchanged, $errors);
?>
--EXPECT--
int(10000)
int(0)
