--TEST--
ini: defaults of the extension's entries
--FILE--
<?php
foreach (['swoole.modules', 'swoole.module_dir', 'swoole.use_shortname', 'swoole.enable_coroutine',
          'swoole.enable_library', 'swoole.enable_preemptive_scheduler', 'swoole.display_errors'] as $name) {
    var_dump($name, ini_get($name));
}
// PHP_INI_SYSTEM: a script cannot change them.
var_dump(ini_set('swoole.modules', 'x'));
?>
--EXPECT--
string(14) "swoole.modules"
string(0) ""
string(17) "swoole.module_dir"
string(0) ""
string(20) "swoole.use_shortname"
string(1) "1"
string(23) "swoole.enable_coroutine"
string(1) "1"
string(21) "swoole.enable_library"
string(1) "1"
string(34) "swoole.enable_preemptive_scheduler"
string(1) "0"
string(21) "swoole.display_errors"
string(1) "1"
bool(false)
