--TEST--
swoole_strerror(): system, getaddrinfo, DNS and Swoole tables (errors-constants.md §1, edge case 1)
--FILE--
<?php
$cases = [
    // edge case 1
    [SWOOLE_ERROR_CO_CANCELED],
    [111],
    [99999],
    [2, SWOOLE_STRERROR_GAI],
    [2, SWOOLE_STRERROR_SWOOLE],
    // getaddrinfo codes are negative in glibc
    [-2, SWOOLE_STRERROR_GAI],
    [-3, SWOOLE_STRERROR_GAI],
    // hstrerror
    [1, SWOOLE_STRERROR_DNS],
    [2, SWOOLE_STRERROR_DNS],
    // 500 < code < 10019 uses the Swoole table whatever the type
    [501],
    [SWOOLE_ERROR_CLIENT_NO_CONNECTION, SWOOLE_STRERROR_SYSTEM],
    [SWOOLE_ERROR_CO_TIMEDOUT, SWOOLE_STRERROR_SWOOLE],
    [10001, 5],
    // unlisted codes in or at the edge of that range
    [500],
    [600],
    [10019],
    [500, SWOOLE_STRERROR_SWOOLE],
    [99999, SWOOLE_STRERROR_SWOOLE],
    // plain POSIX codes
    [0],
    [2],
    [110],
    [-1],
];
foreach ($cases as $args) {
    printf("%s => %s\n", implode(', ', $args), swoole_strerror(...$args));
}
// The system messages are libc's own.
var_dump(swoole_strerror(13) === posix_strerror(13) || !function_exists('posix_strerror'));

try {
    swoole_strerror('x');
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    swoole_strerror();
} catch (ArgumentCountError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$p = (new ReflectionFunction('swoole_strerror'))->getParameters();
echo $p[0]->getName(), ' ', $p[1]->getName(), ' = ', $p[1]->getDefaultValueConstantName(), "\n";
?>
--EXPECT--
10017 => Coroutine canceled
111 => Connection refused
99999 => Unknown error 99999
2, 1 => Unknown error
2, 9 => No such file or directory
-2, 1 => Name or service not known
-3, 1 => Temporary failure in name resolution
1, 2 => Unknown host
2, 2 => Host name lookup failure
501 => Malloc fail
5001, 0 => Client no connection
10018, 9 => Coroutine timedout
10001, 5 => Coroutine out of coroutine
500 => Unknown error 500
600 => Unknown error 600
10019 => Unknown error 10019
500, 9 => Unknown error 500
99999, 9 => Unknown error 99999
0 => Success
2 => No such file or directory
110 => Connection timed out
-1 => Unknown error -1
bool(true)
TypeError: swoole_strerror(): Argument #1 ($errno) must be of type int, string given
ArgumentCountError: swoole_strerror() expects at least 1 argument, 0 given
errno error_type = SWOOLE_STRERROR_SYSTEM
