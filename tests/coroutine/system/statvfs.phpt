--TEST--
system: statvfs keys in order, inside and outside a coroutine; false for a missing path
--FILE--
<?php
$s = Co\System::statvfs('/');
echo implode(',', array_keys($s)), "\n";
var_dump(count(array_filter($s, 'is_int')) === 11, $s['bsize'] > 0, $s['namemax'] > 0);
Co\run(function () {
    var_dump(array_keys(Co\System::statvfs(sys_get_temp_dir())) === array_keys(Co\System::statvfs('/')));
    var_dump(Co\System::statvfs('/no/such/path'));
});
?>
--EXPECT--
bsize,frsize,blocks,bfree,bavail,files,ffree,favail,fsid,flag,namemax
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
