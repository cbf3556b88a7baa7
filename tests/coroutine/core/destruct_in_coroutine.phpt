--TEST--
coroutine: a destructor that yields runs inside the coroutine that dropped the object
--FILE--
<?php
class Slow {
    function __construct(public string $name) {}
    function __destruct() {
        Co::sleep(0.01);
        echo "destructed {$this->name} in coroutine ", Co::getCid(), "\n";
    }
}
Co\run(function () {
    go(function () { $a = new Slow('a'); unset($a); echo "after unset a\n"; });
    go(function () { $b = new Slow('b'); echo "b returns\n"; });
    echo "run body done\n";
});
echo "end\n";
?>
--EXPECT--
b returns
run body done
destructed a in coroutine 2
after unset a
destructed b in coroutine 3
end
