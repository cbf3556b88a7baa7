--TEST--
swoole_error_log(), swoole_error_log_ex(), swoole_ignore_error(): lines on stderr in Swoole's format
--FILE--
<?php
// The logger writes to fd 2; run a child PHP with swoole and read its stderr.
$code = <<<'PHP'
echo getmypid(), "\n";
swoole_error_log(SWOOLE_LOG_WARNING, "plain warning");
swoole_error_log(SWOOLE_LOG_DEBUG, "debug is below the default level");
swoole_error_log(SWOOLE_LOG_TRACE, "trace is below the default level");
swoole_error_log(SWOOLE_LOG_INFO, "info line");
swoole_error_log(SWOOLE_LOG_ERROR, "error line");
swoole_error_log_ex(SWOOLE_LOG_NOTICE, 888888, "coded message");
swoole_ignore_error(999999);
swoole_error_log_ex(SWOOLE_LOG_ERROR, 999999, "ignored code");
swoole_error_log_ex(SWOOLE_LOG_ERROR, 999998, "other code still logged");
echo swoole_last_error(), "\n";
try {
    swoole_error_log("warning", "x");
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
PHP;
$php = dirname(__DIR__, 2) . '/tools/php';
$proc = proc_open([$php, '-r', $code], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
fclose($pipes[1]);
fclose($pipes[2]);
var_dump(proc_close($proc));
[$pid, $last, $type_error] = explode("\n", $out);
echo "last error: $last\n$type_error\n";

$lines = explode("\n", rtrim($err, "\n"));
echo count($lines), " lines\n";
foreach ($lines as $line) {
    if (!preg_match('/^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) @(\d+)\.0\]\t([A-Z]+)\t(.*)$/', $line, $m)) {
        echo "bad line: $line\n";
        continue;
    }
    $age = time() - strtotime($m[1]);
    var_dump($m[2] === $pid && $age >= 0 && $age < 60);
    echo $m[3], ' | ', $m[4], "\n";
}
?>
--EXPECT--
int(0)
last error: 999998
swoole_error_log(): Argument #1 ($level) must be of type int, string given
5 lines
bool(true)
WARNING | plain warning
bool(true)
INFO | info line
bool(true)
ERROR | error line
bool(true)
NOTICE | zif_swoole_error_log_ex() (ERRNO 888888): coded message
bool(true)
ERROR | zif_swoole_error_log_ex() (ERRNO 999998): other code still logged
