--TEST--
runtime: PROC hook: three coroutines read their children's output at the same time
--FILE--
<?php
$start = microtime(true);
Co::set(['hook_flags' => SWOOLE_HOOK_PROC]);
$out = [];
Co\run(function () use (&$out) {
    for ($i = 0; $i < 3; $i++) {
        go(function () use ($i, &$out) {
            $p = proc_open("sleep 0.3; echo child$i", [1 => ['pipe', 'w']], $pipes);
            $out[$i] = trim(stream_get_contents($pipes[1]));
            proc_close($p);
        });
    }
});
ksort($out);
var_dump($out, microtime(true) - $start < 0.8);
?>
--EXPECT--
array(3) {
  [0]=>
  string(6) "child0"
  [1]=>
  string(6) "child1"
  [2]=>
  string(6) "child2"
}
bool(true)
