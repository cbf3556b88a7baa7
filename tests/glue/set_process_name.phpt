--TEST--
swoole_set_process_name() sets the CLI process title
--FILE--
<?php
$title = 'swoole-glue-test-' . getmypid();
var_dump(swoole_set_process_name($title));
var_dump(cli_get_process_title() === $title);
// The title replaces the command line the kernel shows (ps, /proc/<pid>/cmdline).
$cmdline = explode("\0", file_get_contents('/proc/self/cmdline'));
var_dump($cmdline[0] === $title);
// ps shows it too
$ps = trim((string) shell_exec('ps -o args= -p ' . getmypid() . ' 2>/dev/null'));
var_dump($ps === '' || $ps === $title);

var_dump(swoole_set_process_name('second-title'));
var_dump(explode("\0", file_get_contents('/proc/self/cmdline'))[0]);

try {
    swoole_set_process_name([]);
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
echo (new ReflectionFunction('swoole_set_process_name'))->getReturnType(), "\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
string(12) "second-title"
swoole_set_process_name(): Argument #1 ($process_name) must be of type string, array given
bool
