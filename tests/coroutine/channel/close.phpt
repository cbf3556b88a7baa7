--TEST--
Channel: close() fails every waiter before it returns; push after close, second close, pop of buffered values after close (edge case 11)
--FILE--
<?php
use Swoole\Coroutine\Channel;

Co\run(function () {
    $empty = new Channel(1);
    for ($i = 1; $i <= 2; $i++) {
        go(function () use ($empty, $i) {
            $r = $empty->pop();
            echo "consumer $i: ", var_export($r, true), ' ', $empty->errCode === SWOOLE_CHANNEL_CLOSED ? 'CLOSED' : $empty->errCode, "\n";
        });
    }
    $full = new Channel(1);
    $full->push('kept');
    go(function () use ($full) {
        $r = $full->push('dropped');
        echo "producer: ", var_export($r, true), ' ', $full->errCode, "\n";
    });
    var_dump($empty->stats()['consumer_num'], $full->stats()['producer_num']);

    echo "close empty\n";
    var_dump($empty->close());
    echo "close full\n";
    var_dump($full->close());
    var_dump($empty->close(), $full->close());

    var_dump($empty->push('late'), $empty->errCode);
    var_dump($empty->pop(), $empty->errCode);

    // Buffered values survive close; CLOSED only once the channel is empty.
    var_dump($full->length(), $full->pop(), $full->errCode);
    var_dump($full->pop(), $full->errCode);
    var_dump($full->pop(0.5), $full->errCode);  // no wait on a closed channel
});
?>
--EXPECT--
int(2)
int(1)
close empty
consumer 1: false CLOSED
consumer 2: false CLOSED
bool(true)
close full
producer: false -2
bool(true)
bool(false)
bool(false)
bool(false)
int(-2)
bool(false)
int(-2)
int(1)
string(4) "kept"
int(0)
bool(false)
int(-2)
bool(false)
int(-2)
