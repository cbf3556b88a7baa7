--TEST--
runtime: BLOCKING_FUNCTION: gethostbyname, shell_exec and exec give what PHP's functions give
--FILE--
<?php
$cmds = ['echo hi', "printf 'a  \\n\\nb\\t\\nlast  '", 'true', 'exit 3', 'echo out; exit 2'];
function run_all(array $cmds): array {
    $r = [gethostbyname('localhost'), gethostbyname('127.0.0.1')];
    foreach ($cmds as $cmd) {
        $out = ['kept'];
        $last = exec($cmd, $out, $rc);
        $r[] = [$last, $out, $rc, exec($cmd), shell_exec($cmd)];
    }
    $scalar = 'x';
    exec('echo one; echo two', $scalar);
    $r[] = $scalar;
    return $r;
}
$native = run_all($cmds);
Co::set(['hook_flags' => SWOOLE_HOOK_BLOCKING_FUNCTION]);
Co\run(function () use ($cmds, $native) {
    var_dump(gethostbyname('localhost'), shell_exec('echo hi'));
    exec('echo hi', $out, $rc);
    var_dump($out, $rc);
    var_dump(run_all($cmds) === $native);
});
?>
--EXPECT--
string(9) "127.0.0.1"
string(3) "hi
"
array(1) {
  [0]=>
  string(2) "hi"
}
int(0)
bool(true)
