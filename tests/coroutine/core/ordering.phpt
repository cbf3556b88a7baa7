--TEST--
coroutine: go() runs the new coroutine at once until it yields; cids count from 1; parents
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
$a = go(function () {
    echo "a1 cid=", Co::getCid(), " pcid=", Co::getPcid(), "\n";
    go(function () {
        echo "b cid=", Co::getCid(), " pcid=", Co::getPcid(), "\n";
    });
    Co::sleep(0.01);
    echo "a2\n";
});
echo "creator, go returned $a\n";
var_dump(go(fn() => 1), swoole_coroutine_create(fn() => 2), Co::create(fn() => 3));
?>
--EXPECT--
a1 cid=1 pcid=-1
b cid=2 pcid=1
creator, go returned 1
int(3)
int(4)
int(5)
a2
