--TEST--
Channel: 8 producers and 5 consumers over a small channel lose and duplicate nothing; huge capacity is fine
--FILE--
<?php
use Swoole\Coroutine\Channel;

Co\run(function () {
    $big = new Channel(PHP_INT_MAX);  // the buffer grows on demand
    var_dump($big->capacity, $big->push('x'), $big->isFull(), $big->pop());

    $c = new Channel(3);
    $done = new Channel(8);
    $sum = 0;
    $count = 0;
    for ($p = 0; $p < 8; $p++) {
        go(function () use ($c) {
            for ($i = 1; $i <= 100; $i++) {
                $c->push($i);
                if ($i % 7 == 0) Co::sleep(0.001);
            }
        });
    }
    for ($q = 0; $q < 5; $q++) {
        go(function () use ($c, $done, &$sum, &$count) {
            while (($v = $c->pop(0.2)) !== false) {
                $sum += $v;
                $count++;
            }
            $done->push($c->errCode);
        });
    }
    for ($q = 0; $q < 5; $q++) var_dump($done->pop());
    var_dump($count, $sum === 8 * 5050, $c->stats());
});
?>
--EXPECT--
int(9223372036854775807)
bool(true)
bool(false)
string(1) "x"
int(-1)
int(-1)
int(-1)
int(-1)
int(-1)
int(800)
bool(true)
array(3) {
  ["consumer_num"]=>
  int(0)
  ["producer_num"]=>
  int(0)
  ["queue_num"]=>
  int(0)
}
