--TEST--
Co\Socket: readVector fills the result strings in place and cuts them to what arrived; readVectorAll stops at EOF
--FILE--
<?php
Co\run(function () {
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    $a->send('abcdefg');
    var_dump($b->readVector([2, 0, 3, 5], 1));
    $a->send('12345');
    $a->close();
    var_dump($b->readVectorAll([3, 4, 2], 1));
    var_dump($b->readVector([1, 1], 1));
});
?>
--EXPECT--
array(4) {
  [0]=>
  string(2) "ab"
  [1]=>
  string(0) ""
  [2]=>
  string(3) "cde"
  [3]=>
  string(2) "fg"
}
array(2) {
  [0]=>
  string(3) "123"
  [1]=>
  string(2) "45"
}
array(0) {
}
