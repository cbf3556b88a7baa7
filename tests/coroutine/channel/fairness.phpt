--TEST--
Channel: waiting consumers and waiting producers are served in arrival order; a push resumes the consumer at once
--FILE--
<?php
use Swoole\Coroutine\Channel;

Co\run(function () {
    $c = new Channel(2);
    foreach (['A', 'B', 'C'] as $name) {
        go(function () use ($c, $name) {
            $v = $c->pop();
            echo "consumer $name got $v\n";
        });
    }
    foreach ([1, 2, 3] as $v) {
        echo "push $v\n";
        $c->push($v);
        echo "push $v returned\n";
    }

    $p = new Channel(1);
    $p->push(0);
    foreach (['X', 'Y', 'Z'] as $i => $name) {
        go(function () use ($p, $name, $i) {
            $p->push($i + 1);
            echo "producer $name done\n";
        });
    }
    var_dump($p->stats());
    for ($i = 0; $i < 4; $i++) {
        echo "pop " . $p->pop() . "\n";
    }
});
?>
--EXPECT--
push 1
consumer A got 1
push 1 returned
push 2
consumer B got 2
push 2 returned
push 3
consumer C got 3
push 3 returned
array(3) {
  ["consumer_num"]=>
  int(0)
  ["producer_num"]=>
  int(3)
  ["queue_num"]=>
  int(1)
}
producer X done
pop 0
producer Y done
pop 1
producer Z done
pop 2
pop 3
