--TEST--
Channel: Co::cancel() of a coroutine waiting in pop or push makes the call fail with SWOOLE_CHANNEL_CANCELED (§4)
--FILE--
<?php
use Swoole\Coroutine\Channel;

Co\run(function () {
    $c = new Channel(1);
    $popper = go(function () use ($c) {
        $start = microtime(true);
        $r = $c->pop(5);  // with a timer armed: cancel must not wait for it
        echo "pop: ", var_export($r, true), " errCode=", $c->errCode, " canceled=", var_export(Co::isCanceled(), true), "\n";
        var_dump(microtime(true) - $start < 1);
    });
    $other = go(function () use ($c) {
        $v = $c->pop();
        echo "other got $v\n";
    });
    var_dump($c->stats()['consumer_num']);
    var_dump(Co::cancel($popper));
    echo "after cancel\n";
    var_dump($c->stats()['consumer_num']);
    $c->push('next');  // goes to the consumer still waiting

    $c->push('fill');
    $pusher = go(function () use ($c) {
        $r = $c->push(new ArrayObject([1]));
        echo "push: ", var_export($r, true), " errCode=", $c->errCode, "\n";
        // The channel works normally afterwards.
        var_dump($c->pop(), $c->errCode);
    });
    var_dump($c->stats()['producer_num']);
    var_dump(Co::cancel($pusher));
    var_dump($c->stats()['producer_num'], $c->length());
    var_dump(Co::cancel($pusher), swoole_last_error() === SWOOLE_ERROR_CO_NOT_EXISTS);
});
echo "done\n";
?>
--EXPECT--
int(2)
pop: false errCode=-3 canceled=true
bool(true)
bool(true)
after cancel
int(1)
other got next
int(1)
push: false errCode=-3
string(4) "fill"
int(0)
bool(true)
int(0)
int(0)
bool(false)
bool(true)
done
