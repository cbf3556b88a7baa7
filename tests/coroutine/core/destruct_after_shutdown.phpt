--TEST--
coroutine: __destruct may use coroutines during the script, not after the end-of-script loop has run
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
class InScript {
    function __destruct() {
        go(function () { Co::sleep(0.01); echo "coroutine from a destructor in the script\n"; });
    }
}
class AtShutdown {
    function __destruct() { go(function () { echo "never\n"; }); }
}
function make() { new InScript; }
make();
$late = new AtShutdown;
echo "script end\n";
?>
--EXPECTF--
script end
coroutine from a destructor in the script

Fatal error: go(): can not use coroutine in __destruct after php_request_shutdown in %s on line %d
