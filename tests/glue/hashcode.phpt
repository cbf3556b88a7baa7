--TEST--
swoole_hashcode(): type 0 is PHP's string hash, type 1 Jenkins one-at-a-time, others false
--FILE--
<?php
// Reference: PHP's DJB "times 33" hash from 5381 over 64 bits (bytes read as
// signed char on x86-64, as zend_inline_hash_func does), with the top bit set.
// Computed in two 32-bit halves to stay in integer range.
function php_hash(string $s): int {
    $hi = 0; $lo = 5381;
    for ($i = 0; $i < strlen($s); $i++) {
        $b = ord($s[$i]);
        $add_hi = $b >= 0x80 ? 0xFFFFFFFF : 0;   // sign extension of a negative byte
        $add_lo = $b >= 0x80 ? ($b - 256) & 0xFFFFFFFF : $b;
        $lo = $lo * 33 + $add_lo;
        $hi = ($hi * 33 + $add_hi + ($lo >> 32)) & 0xFFFFFFFF;
        $lo &= 0xFFFFFFFF;
    }
    return (($hi | 0x80000000) << 32) | $lo;
}
// Reference: one-at-a-time over bytes read as signed char (as Swoole on x86).
function oaat(string $s): int {
    $h = 0;
    for ($i = 0; $i < strlen($s); $i++) {
        $b = ord($s[$i]);
        if ($b >= 0x80) $b |= 0xFFFFFF00;
        $h = ($h + $b) & 0xFFFFFFFF;
        $h = ($h + ($h << 10)) & 0xFFFFFFFF;
        $h ^= $h >> 6;
    }
    $h = ($h + ($h << 3)) & 0xFFFFFFFF;
    $h ^= $h >> 11;
    $h = ($h + ($h << 15)) & 0xFFFFFFFF;
    return $h;
}
var_dump(swoole_hashcode(''));
var_dump(swoole_hashcode('', 1));
var_dump(swoole_hashcode('a'));
var_dump(swoole_hashcode('a', 1));
$ok = true;
foreach (['hello', 'swoole', str_repeat('xyz', 100), "bin\0ary\xff\x80", 'é'] as $s) {
    if (swoole_hashcode($s) !== php_hash($s)) { $ok = false; echo "type 0 differs for ", bin2hex($s), "\n"; }
    if (swoole_hashcode($s, 0) !== swoole_hashcode($s)) { $ok = false; echo "default type differs\n"; }
    if (swoole_hashcode($s, 1) !== oaat($s)) { $ok = false; echo "type 1 differs for ", bin2hex($s), "\n"; }
}
var_dump($ok);
var_dump(swoole_hashcode('hello') < 0, swoole_hashcode('hello', 1) >= 0);
var_dump(swoole_hashcode('hello', 2), swoole_hashcode('hello', -1));
try {
    swoole_hashcode([]);
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
int(-9223372036854770427)
int(0)
int(-9223372036854598138)
int(3392050242)
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
swoole_hashcode(): Argument #1 ($data) must be of type string, array given
