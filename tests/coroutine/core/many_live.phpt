--TEST--
coroutine: 40,000 live coroutines, beyond what guard pages alone would allow (vm.max_map_count)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
$n = 0;
for ($i = 0; $i < 40000; $i++) {
    if (go(function () { Co::yield(); }) === false) break;
    $n++;
}
echo "created $n, alive ", Co::stats()['coroutine_num'], "\n";
foreach (Co::list() as $cid) Co::resume($cid);
echo "alive after resume ", Co::stats()['coroutine_num'], "\n";
?>
--EXPECTF--
%Acreated 40000, alive 40000
alive after resume 0
