--TEST--
swoole_last_error(), swoole_clear_error(), swoole_errno()
--FILE--
<?php
var_dump(swoole_last_error());

// A coded log call sets the last error, even when its line is filtered out.
swoole_error_log_ex(SWOOLE_LOG_DEBUG, SWOOLE_ERROR_CO_NOT_EXISTS, 'below the log level');
var_dump(swoole_last_error() === SWOOLE_ERROR_CO_NOT_EXISTS);
swoole_ignore_error(SWOOLE_ERROR_CO_TIMEDOUT);
swoole_error_log_ex(SWOOLE_LOG_DEBUG, SWOOLE_ERROR_CO_TIMEDOUT, 'ignored code');
var_dump(swoole_last_error());
var_dump(swoole_strerror(swoole_last_error(), SWOOLE_STRERROR_SWOOLE));

// Other calls leave it alone.
swoole_strerror(1);
swoole_version();
var_dump(swoole_last_error());

var_dump(swoole_clear_error());
var_dump(swoole_last_error());

// swoole_errno() is the C errno of the last failed system call.
@fopen('/nonexistent-dir/file', 'r');
var_dump(swoole_errno());
@rmdir('/etc/hostname');
var_dump(swoole_errno() === 20, swoole_strerror(swoole_errno()));
?>
--EXPECT--
int(0)
bool(true)
int(10018)
string(18) "Coroutine timedout"
int(10018)
NULL
int(0)
int(2)
bool(true)
string(15) "Not a directory"
