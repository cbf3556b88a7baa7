--TEST--
Co\Socket: readVector / readVectorAll / writeVector / writeVectorAll and their item checks
--FILE--
<?php
Co\run(function () {
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    var_dump($a->writeVector(['ab', 'cd', 'e']));
    var_dump($b->readVector([2, 10], 1));
    go(function () use ($a) {
        $a->writeVectorAll(['12', '345']);
        Co::sleep(0.02);
        $a->writeVectorAll(['678']);
    });
    var_dump($b->readVectorAll([3, 5], 1));
    foreach ([[1, 'x'], [-1]] as $bad) {
        try {
            $b->readVector($bad);
        } catch (Co\Socket\Exception $e) {
            var_dump($e->getMessage(), $e->getCode());
        }
    }
    foreach ([['a', 1], ['a', '']] as $bad) {
        try {
            $a->writeVector($bad);
        } catch (Co\Socket\Exception $e) {
            var_dump($e->getMessage());
        }
    }
    var_dump($b->readVector(array_fill(0, 2000, 1)), $b->errCode);
    $a->close();
    var_dump($b->readVector([4], 1));
});
?>
--EXPECT--
int(5)
array(2) {
  [0]=>
  string(2) "ab"
  [1]=>
  string(3) "cde"
}
array(2) {
  [0]=>
  string(3) "123"
  [1]=>
  string(5) "45678"
}
string(43) "Item #[1] must be of type int, string given"
int(22)
string(32) "Item #[0] must be greater than 0"
int(22)
string(43) "Item #[1] must be of type string, int given"
string(32) "Item #[1] cannot be empty string"
bool(false)
int(22)
array(0) {
}
