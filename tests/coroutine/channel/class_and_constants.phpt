--TEST--
Channel: class, aliases, properties, constants, capacity <= 0 becomes 1, state checks outside a coroutine (edge case 10)
--FILE--
<?php
use Swoole\Coroutine\Channel;

var_dump(SWOOLE_CHANNEL_OK, SWOOLE_CHANNEL_TIMEOUT, SWOOLE_CHANNEL_CLOSED, SWOOLE_CHANNEL_CANCELED);
var_dump((new ReflectionClass('Co\Channel'))->getName(), (new ReflectionClass('chan'))->getName());

$c = new Channel();  // constructed outside any coroutine
var_dump($c->capacity, $c->errCode);
var_dump((new Channel(0))->capacity, (new Channel(-5))->capacity, (new chan(8))->capacity);
var_dump($c->length(), $c->isEmpty(), $c->isFull(), $c->stats());

$props = [];
foreach ((new ReflectionClass(Channel::class))->getProperties() as $p) {
    $props[] = ($p->isPublic() ? 'public ' : '') . '$' . $p->getName();
}
echo implode(', ', $props), "\n";

foreach (['__construct', 'push', 'pop', 'close', 'length', 'isEmpty', 'isFull', 'stats'] as $name) {
    $m = new ReflectionMethod(Channel::class, $name);
    $params = [];
    foreach ($m->getParameters() as $p) {
        $params[] = $p->getType() . ' $' . $p->getName() . ($p->isOptional() ? ' = ' . var_export($p->getDefaultValue(), true) : '');
    }
    echo $name, '(', implode(', ', $params), ')', $m->hasReturnType() ? ': ' . $m->getReturnType() : '', "\n";
}
?>
--EXPECT--
int(0)
int(-1)
int(-2)
int(-3)
string(24) "Swoole\Coroutine\Channel"
string(24) "Swoole\Coroutine\Channel"
int(1)
int(0)
int(1)
int(1)
int(8)
int(0)
bool(true)
bool(false)
array(3) {
  ["consumer_num"]=>
  int(0)
  ["producer_num"]=>
  int(0)
  ["queue_num"]=>
  int(0)
}
public $capacity, public $errCode
__construct(int $capacity = 1)
push(mixed $data, float $timeout = -1): bool
pop(float $timeout = -1): mixed
close(): bool
length(): int
isEmpty(): bool
isFull(): bool
stats(): array
