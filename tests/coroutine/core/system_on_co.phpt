--TEST--
coroutine: every System helper is also a static method of Swoole\Coroutine
--FILE--
<?php
$system = array_map('strtolower', get_class_methods(Swoole\Coroutine\System::class));
$co = array_map('strtolower', get_class_methods(Swoole\Coroutine::class));
var_dump(array_values(array_diff($system, $co)));
var_dump(count($system) >= 15);
Co\run(function () {
    var_dump(Co::exec('echo hi'));
    var_dump(Co::statvfs('/')['bsize'] > 0);
});
?>
--EXPECT--
array(0) {
}
bool(true)
array(3) {
  ["code"]=>
  int(0)
  ["signal"]=>
  int(0)
  ["output"]=>
  string(3) "hi
"
}
bool(true)
