--TEST--
coroutine: exceptions thrown and caught across yields keep their own traces; one coroutine's exception never reaches another
--FILE--
<?php
function fail(string $who) { Co::sleep(0.01); throw new RuntimeException("from $who"); }
Co\run(function () {
    foreach (['x', 'y'] as $who) {
        go(function () use ($who) {
            try {
                fail($who);
            } catch (RuntimeException $e) {
                echo $e->getMessage(), " at line ", $e->getLine(), ", trace: ", $e->getTrace()[0]['function'], " called from line ", $e->getTrace()[0]['line'], "\n";
            }
        });
    }
    try {
        go(function () { Co::sleep(0.02); echo "no exception leaks into the creator\n"; });
    } catch (Throwable $e) {
        echo "wrong\n";
    }
});
?>
--EXPECT--
from x at line 2, trace: fail called from line 7
from y at line 2, trace: fail called from line 7
no exception leaks into the creator
