--TEST--
coroutine: output buffers belong to the coroutine that opened them
--FILE--
<?php
ob_start();
echo "main buffered\n";
Co\run(function () {
    go(function () {
        ob_start();
        echo "A1 ";
        Co::sleep(0.02);
        echo "A2";
        $a = ob_get_clean();
        echo "A buffered: [$a]\n";
    });
    go(function () {
        echo "B writes straight through\n";
        ob_start();
        echo "B1 ";
        Co::sleep(0.01);
        echo "B2";
        $b = ob_get_clean();
        echo "B buffered: [$b]\n";
    });
});
$main = ob_get_clean();
echo "main got: [", $main, "]\n";
?>
--EXPECT--
B writes straight through
B buffered: [B1 B2]
A buffered: [A1 A2]
main got: [main buffered
]
