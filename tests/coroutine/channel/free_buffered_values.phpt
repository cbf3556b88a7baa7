--TEST--
Channel: values still buffered are released with the channel, including a channel holding itself (GC)
--FILE--
<?php
class Item {
    public function __construct(public string $name) {}
    public function __destruct() { echo "destruct {$this->name}\n"; }
}
$c = new Swoole\Coroutine\Channel(3);
go(function () use ($c) {
    $c->push(new Item('a'));
    $c->push(new Item('b'));
    $c->push([new Item('c')]);
    $x = $c->pop();
    echo "popped {$x->name}\n";
});
echo "unset\n";
unset($c);
echo "after unset\n";

go(function () {
    $self = new Swoole\Coroutine\Channel(2);
    $self->push($self);
    $self->push(new Item('in cycle'));
});
$n = gc_collect_cycles();
echo "collected ", $n > 0 ? "yes" : "no", "\n";
echo "end\n";
?>
--EXPECT--
popped a
destruct a
unset
destruct b
destruct c
after unset
destruct in cycle
collected yes
end
