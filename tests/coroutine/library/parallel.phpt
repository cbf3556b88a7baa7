--TEST--
parallel(): $fn in $n coroutines, returns null after all of them finished
--FILE--
<?php
use function Swoole\Coroutine\parallel;

Co\run(function () {
    $cids = [];
    $start = microtime(true);
    $result = parallel(5, function () use (&$cids) {
        $cids[] = Co::getCid();
        Co::sleep(0.03);
        echo "end\n";
    });
    $elapsed = microtime(true) - $start;
    var_dump($result);
    var_dump(count(array_unique($cids)));
    // They ran concurrently: about one sleep in total.
    var_dump($elapsed >= 0.025 && $elapsed < 0.12);
    $parent = Co::getCid();
    parallel(2, function () use ($parent) {
        var_dump(Co::getPcid() === $parent);
    });
    parallel(0, function () { echo "never\n"; });
    parallel(-3, function () { echo "never\n"; });
    echo "done\n";
});
?>
--EXPECT--
end
end
end
end
end
NULL
int(5)
bool(true)
bool(true)
bool(true)
done
