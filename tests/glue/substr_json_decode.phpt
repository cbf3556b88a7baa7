--TEST--
swoole_substr_json_decode(): json_decode() a slice of a string
--FILE--
<?php
$json = '{"a":1,"b":[true,null]}';
$buf = "LEN:" . $json . '[1,2,3]';

var_dump(swoole_substr_json_decode($buf, 4, strlen($json)));
var_dump(swoole_substr_json_decode($buf, 4, strlen($json), true));
var_dump(swoole_substr_json_decode($buf, -7));
var_dump(swoole_substr_json_decode($buf, -7, 0));
var_dump(swoole_substr_json_decode($buf, -7, 100));

// $associative = null leaves JSON_OBJECT_AS_ARRAY to $flags; false overrides it.
var_dump(is_array(swoole_substr_json_decode($buf, 4, strlen($json), null, 512, JSON_OBJECT_AS_ARRAY)));
var_dump(is_object(swoole_substr_json_decode($buf, 4, strlen($json), false, 512, JSON_OBJECT_AS_ARRAY)));

// Invalid JSON in the slice: null and json_last_error(), as json_decode().
var_dump(swoole_substr_json_decode($buf, 0, 10), json_last_error() === JSON_ERROR_SYNTAX);
var_dump(swoole_substr_json_decode($buf, -7), json_last_error());
// depth
var_dump(swoole_substr_json_decode('xx[[1]]', 2, 0, true, 1), json_last_error() === JSON_ERROR_DEPTH);
try {
    swoole_substr_json_decode('xx{', 2, 0, true, 512, JSON_THROW_ON_ERROR);
} catch (JsonException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    swoole_substr_json_decode('xx[]', 2, 0, true, 0);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}

// Out of range or empty: false.
var_dump(swoole_substr_json_decode($buf, strlen($buf)), swoole_substr_json_decode($buf, -1000),
         swoole_substr_json_decode('', 0));
try {
    swoole_substr_json_decode($buf);
} catch (ArgumentCountError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECTF--
object(stdClass)#%d (2) {
  ["a"]=>
  int(1)
  ["b"]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    NULL
  }
}
array(2) {
  ["a"]=>
  int(1)
  ["b"]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    NULL
  }
}
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
bool(true)
bool(true)
NULL
bool(true)
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
int(0)
NULL
bool(true)
JsonException: Syntax error
swoole_substr_json_decode(): Argument #5 ($depth) must be greater than 0
bool(false)
bool(false)
bool(false)
swoole_substr_json_decode() expects at least 2 arguments, 1 given
