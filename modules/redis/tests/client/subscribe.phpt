--TEST--
redis client: subscribe/psubscribe with the recv loop, unsubscribe back to commands
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
Co\run(function () {
    $ch = redis_key('ch');
    $sub = redis_connected();
    $defer = redis_connected();
    $defer->setDefer();
    var_dump($defer->subscribe([$ch]), $defer->errType, $defer->errMsg);
    var_dump($sub->unsubscribe([$ch]));  // not subscribed
    var_dump($sub->subscribe([$ch]));
    var_dump($sub->recv());
    var_dump($sub->setDefer(true));
    var_dump($sub->get('x'));
    $next = new Co\Channel(1);
    go(function () use ($ch, $next) {
        $pub = redis_connected();
        $pub->publish($ch, 'payload');
        $next->pop();  // after the pattern subscription is confirmed
        $pub->publish($ch . ':p', 'via pattern');
    });
    var_dump($sub->recv());
    var_dump($sub->pSubscribe([$ch . ':*']));
    var_dump($sub->recv());
    $next->push(true);
    var_dump($sub->recv());
    var_dump($sub->unsubscribe([$ch]), $sub->recv());
    var_dump($sub->pUnSubscribe([$ch . ':*']), $sub->recv());
    var_dump($sub->ping());  // normal commands again
});
?>
--EXPECTF--
bool(false)
int(2)
string(43) "subscribe cannot be used with defer enabled"
bool(false)
bool(true)
array(3) {
  [0]=>
  string(9) "subscribe"
  [1]=>
  string(%d) "phpt:%d:ch"
  [2]=>
  int(1)
}

Warning: Swoole\Coroutine\Redis::setDefer(): you should not use setDefer after subscribe in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Redis::get(): command can not be executed in subscribe mode in %s on line %d
bool(false)
array(3) {
  [0]=>
  string(7) "message"
  [1]=>
  string(%d) "phpt:%d:ch"
  [2]=>
  string(7) "payload"
}
bool(true)
array(3) {
  [0]=>
  string(10) "psubscribe"
  [1]=>
  string(%d) "phpt:%d:ch:*"
  [2]=>
  int(2)
}
array(4) {
  [0]=>
  string(8) "pmessage"
  [1]=>
  string(%d) "phpt:%d:ch:*"
  [2]=>
  string(%d) "phpt:%d:ch:p"
  [3]=>
  string(11) "via pattern"
}
bool(true)
array(3) {
  [0]=>
  string(11) "unsubscribe"
  [1]=>
  string(%d) "phpt:%d:ch"
  [2]=>
  int(1)
}
bool(true)
array(3) {
  [0]=>
  string(12) "punsubscribe"
  [1]=>
  string(%d) "phpt:%d:ch:*"
  [2]=>
  int(0)
}
int(0)
