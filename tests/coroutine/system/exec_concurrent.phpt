--TEST--
system: exec does not block the loop: others run while it waits, and execs overlap
--FILE--
<?php
Co\run(function () {
    $ticks = 0;
    $running = true;
    go(function () use (&$ticks, &$running) {
        while ($running) {
            Co::sleep(0.02);
            $ticks++;
        }
    });
    $t = microtime(true);
    $r = Co\System::exec('sleep 0.2; echo slept');
    $running = false;
    var_dump($r['output']);
    var_dump($ticks >= 5 ? true : "only $ticks ticks");

    // Three execs of 0.3 s each in parallel finish together.
    $t = microtime(true);
    $done = [];
    for ($i = 0; $i < 3; $i++) {
        go(function () use ($i, &$done) {
            $done[$i] = Co\System::exec("sleep 0.3; echo $i")['output'];
        });
    }
    while (count($done) < 3) Co::sleep(0.01);
    $elapsed = microtime(true) - $t;
    ksort($done);
    echo implode('', $done);
    var_dump($elapsed < 0.75 ? true : $elapsed);
});
?>
--EXPECT--
string(6) "slept
"
bool(true)
0
1
2
bool(true)
