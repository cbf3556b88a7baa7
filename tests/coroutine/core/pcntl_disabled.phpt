--TEST--
coroutine: pcntl_fork and the blocking waits warn while the runtime is active, and work again after Co\run
--SKIPIF--
<?php if (!function_exists('pcntl_fork')) die('skip pcntl is not built into this PHP'); ?>
--FILE--
<?php
Co\run(function () {
    var_dump(pcntl_fork());
    var_dump(pcntl_waitpid(-1, $status, WNOHANG));
});
$pid = pcntl_fork();
if ($pid === 0) exit(7);
pcntl_waitpid($pid, $status);
var_dump(pcntl_wexitstatus($status));
?>
--EXPECTF--
Warning: pcntl_fork() has been disabled for security reasons in %s on line %d
NULL

Warning: pcntl_waitpid() has been disabled for security reasons in %s on line %d
NULL
int(7)
