--TEST--
swoole_cpu_num() is the number of online CPUs
--FILE--
<?php
$n = swoole_cpu_num();
var_dump(is_int($n) && $n >= 1);

// glibc's _SC_NPROCESSORS_ONLN reads this list, e.g. "0-3,6".
$online = 0;
foreach (explode(',', trim(file_get_contents('/sys/devices/system/cpu/online'))) as $range) {
    $b = explode('-', $range);
    $online += count($b) === 2 ? (int) $b[1] - (int) $b[0] + 1 : 1;
}
var_dump($n === $online);
var_dump($n === (int) trim((string) shell_exec('getconf _NPROCESSORS_ONLN')));
// nproc counts the CPUs this process may run on: never more than the online ones.
$nproc = (int) trim((string) shell_exec('nproc'));
var_dump($nproc >= 1 && $nproc <= $n);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
