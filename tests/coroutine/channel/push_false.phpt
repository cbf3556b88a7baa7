--TEST--
Channel: false, null and every other type go through; a popped false has errCode 0 (edge case 12)
--FILE--
<?php
Co\run(function () {
    $c = new Swoole\Coroutine\Channel(10);
    $obj = new stdClass;
    $obj->n = 1;
    $arr = ['a' => [1, 2]];
    $values = [false, null, 0, '', 1.5, 'str', $arr, $obj, STDIN];
    foreach ($values as $v) {
        var_dump($c->push($v));
    }
    $arr['a'][] = 3;  // the pushed array is a copy
    $obj->n = 2;      // the object keeps its identity
    var_dump($c->length(), $c->isFull());
    $got = [];
    while (!$c->isEmpty()) {
        $got[] = $c->pop();
        echo gettype(end($got)), ' ', $c->errCode, "\n";
    }
    var_dump($got[0], $got[6], $got[7] === $obj, $got[7]->n, $got[8] === STDIN);
});
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
int(9)
bool(false)
boolean 0
NULL 0
integer 0
string 0
double 0
string 0
array 0
object 0
resource 0
bool(false)
array(1) {
  ["a"]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    int(2)
  }
}
bool(true)
int(2)
bool(true)
