--TEST--
swoole_substr_unserialize(): unserialize a slice of a string
--FILE--
<?php
class Point { public $x = 1; }
$a = serialize(['a' => 1, 'b' => [2, 3]]);
$b = serialize('second');
$buf = "HEAD" . $a . $b;

var_dump(swoole_substr_unserialize($buf, 4, strlen($a)));           // first value, by length
var_dump(swoole_substr_unserialize($buf, 4 + strlen($a)));           // to the end
var_dump(swoole_substr_unserialize($buf, -strlen($b)));              // negative offset counts from the end
var_dump(swoole_substr_unserialize($buf, 4 + strlen($a), 0));        // length 0: to the end
var_dump(swoole_substr_unserialize($buf, 4 + strlen($a), 1000));     // length past the end is cut
// unserialize() reads one value and ignores trailing bytes, as PHP does
var_dump(swoole_substr_unserialize($buf, 4) === ['a' => 1, 'b' => [2, 3]]);

// Out of range or empty: false, no warning.
var_dump(swoole_substr_unserialize($buf, strlen($buf)), swoole_substr_unserialize($buf, 1000),
         swoole_substr_unserialize($buf, -1000), swoole_substr_unserialize('', 0));

// options are unserialize()'s
$p = "xx" . serialize(new Point);
var_dump(get_class(swoole_substr_unserialize($p, 2)));
var_dump(get_class(swoole_substr_unserialize($p, 2, -1, ['allowed_classes' => false])));
var_dump(get_class(swoole_substr_unserialize($p, 2, -1, ['allowed_classes' => ['Point']])));

// Bad data: unserialize()'s notice, false.
var_dump(swoole_substr_unserialize($buf, 1, 5));
try {
    swoole_substr_unserialize($buf, 'x');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECTF--
array(2) {
  ["a"]=>
  int(1)
  ["b"]=>
  array(2) {
    [0]=>
    int(2)
    [1]=>
    int(3)
  }
}
string(6) "second"
string(6) "second"
string(6) "second"
string(6) "second"
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
string(5) "Point"
string(22) "__PHP_Incomplete_Class"
string(5) "Point"

Notice: swoole_substr_unserialize(): Error at offset 0 of 5 bytes in %s on line %d
bool(false)
swoole_substr_unserialize(): Argument #2 ($offset) must be of type int, string given
