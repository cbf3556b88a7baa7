--TEST--
Channel: stats() counts waiting pops, waiting pushes and buffered values; length/isEmpty/isFull follow
--FILE--
<?php
Co\run(function () {
    $c = new Swoole\Coroutine\Channel(3);
    $show = function () use ($c) {
        $s = $c->stats();
        printf("consumer=%d producer=%d queue=%d length=%d empty=%s full=%s\n", $s['consumer_num'], $s['producer_num'],
            $s['queue_num'], $c->length(), var_export($c->isEmpty(), true), var_export($c->isFull(), true));
    };
    $show();
    go(function () use ($c) { $c->pop(); });
    go(function () use ($c) { $c->pop(); });
    $show();
    $c->push(1);
    $show();
    $c->push(2);  // to the second waiting consumer
    $c->push(3);
    $c->push(4);
    $c->push(5);
    $show();
    go(function () use ($c) { $c->push(6); });
    go(function () use ($c) { $c->push(7, 10); });
    $show();
    $c->pop();
    $show();
    $c->pop();
    $show();
    while (!$c->isEmpty()) $c->pop();
    $show();
});
?>
--EXPECT--
consumer=0 producer=0 queue=0 length=0 empty=true full=false
consumer=2 producer=0 queue=0 length=0 empty=true full=false
consumer=1 producer=0 queue=0 length=0 empty=true full=false
consumer=0 producer=0 queue=3 length=3 empty=false full=true
consumer=0 producer=2 queue=3 length=3 empty=false full=true
consumer=0 producer=1 queue=3 length=3 empty=false full=true
consumer=0 producer=0 queue=3 length=3 empty=false full=true
consumer=0 producer=0 queue=0 length=0 empty=true full=false
