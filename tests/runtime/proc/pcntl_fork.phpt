--TEST--
runtime: pcntl_fork() inside a coroutine warns that it has been disabled and returns null
--FILE--
<?php
Co\run(function () {
    var_dump(pcntl_fork());
});
?>
--EXPECTF--
Warning: pcntl_fork() has been disabled for security reasons in %s on line %d
NULL
