--TEST--
coroutine: getContext per coroutine, released (and destructed) when the coroutine and its defers end
--FILE--
<?php
class Noisy { function __destruct() { echo "context item destroyed\n"; } }
Co\run(function () {
    var_dump(Co::getContext() instanceof Swoole\Coroutine\Context, Co::getContext() instanceof ArrayObject);
    $cid = go(function () {
        $ctx = Co::getContext();
        $ctx['item'] = new Noisy;
        $ctx->prop = 'p';
        defer(function () { echo "defer sees ", get_class(Co::getContext()['item']), "\n"; });
        Co::sleep(0.01);
        echo "coroutine body ends\n";
    });
    var_dump(Co::getContext($cid)->prop);
    Co::sleep(0.05);
    var_dump(Co::getContext($cid), swoole_last_error() === SWOOLE_ERROR_CO_NOT_EXISTS);
    var_dump(Co::getContext() === Co::getContext());
});
var_dump(Co::getContext());
?>
--EXPECT--
bool(true)
bool(true)
string(1) "p"
coroutine body ends
defer sees Noisy
context item destroyed
NULL
bool(true)
bool(true)
NULL
