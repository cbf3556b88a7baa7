--TEST--
redis server: format() for every reply type, its warnings, and the class constants
--INI--
swoole.modules=redis
--FILE--
<?php
use Swoole\Redis\Server;
var_dump(Server::NIL, Server::ERROR, Server::STATUS, Server::INT, Server::STRING, Server::SET, Server::MAP);
var_dump(Server::format(Server::NIL) === "\$-1\r\n");
var_dump(Server::format(Server::NIL, 'ignored') === "\$-1\r\n");
var_dump(Server::format(Server::ERROR) === "-ERR\r\n");
var_dump(Server::format(Server::ERROR, 'ERR x') === "-ERR x\r\n");
var_dump(Server::format(Server::STATUS) === "+OK\r\n");
var_dump(Server::format(Server::STATUS, 'PONG') === "+PONG\r\n");
var_dump(Server::format(Server::INT, '12') === ":12\r\n");
var_dump(Server::format(Server::INT, -5) === ":-5\r\n");
var_dump(Server::format(Server::INT, PHP_INT_MIN) === ':' . PHP_INT_MIN . "\r\n");
var_dump(Server::format(Server::STRING, 'abc') === "\$3\r\nabc\r\n");
var_dump(Server::format(Server::STRING, "a\r\nb\0") === "\$5\r\na\r\nb\0\r\n");
var_dump(Server::format(Server::STRING, 42) === "\$2\r\n42\r\n");
var_dump(Server::format(Server::SET, ['a', 1]) === "*2\r\n\$1\r\na\r\n\$1\r\n1\r\n");
var_dump(Server::format(Server::SET, ['x' => 'a', 7 => 'b']) === "*2\r\n\$1\r\na\r\n\$1\r\nb\r\n");
var_dump(Server::format(Server::SET, []) === "*0\r\n");
var_dump(Server::format(Server::MAP, ['k' => 'v']) === "*2\r\n\$1\r\nk\r\n\$1\r\nv\r\n");
// Integer keys are skipped and not counted (4.8 counted them: a broken reply).
var_dump(Server::format(Server::MAP, ['k' => 'v', 5 => 'x']) === "*2\r\n\$1\r\nk\r\n\$1\r\nv\r\n");
var_dump(Server::format(Server::MAP, ['a' => 1, 'b' => '']) === "*4\r\n\$1\r\na\r\n\$1\r\n1\r\n\$1\r\nb\r\n\$0\r\n\r\n");
var_dump(Server::format(Server::STRING, ''));
var_dump(Server::format(Server::STRING));
var_dump(Server::format(Server::INT));
var_dump(Server::format(Server::SET));
var_dump(Server::format(Server::MAP));
var_dump(Server::format(Server::SET, 'x'));
var_dump(Server::format(Server::MAP, 1));
var_dump(Server::format(99, 'x'));
var_dump(Server::format(-1));
// Nested arrays go through PHP's string conversion.
var_dump(Server::format(Server::SET, [[1]]));
try {
    Server::format(Server::SET, [new stdClass]);
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(swoole_redis_server::format(Server::STATUS) === "+OK\r\n");
?>
--EXPECTF--
int(1)
int(0)
int(2)
int(3)
int(4)
int(5)
int(6)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)

Warning: Swoole\Redis\Server::format(): invalid string size in %s on line %d
bool(false)

Warning: Swoole\Redis\Server::format(): require more parameters in %s on line %d
bool(false)

Warning: Swoole\Redis\Server::format(): require more parameters in %s on line %d
bool(false)

Warning: Swoole\Redis\Server::format(): require more parameters in %s on line %d
bool(false)

Warning: Swoole\Redis\Server::format(): require more parameters in %s on line %d
bool(false)

Warning: Swoole\Redis\Server::format(): the second parameter should be an array in %s on line %d
bool(false)

Warning: Swoole\Redis\Server::format(): the second parameter should be an array in %s on line %d
bool(false)

Warning: Swoole\Redis\Server::format(): Unknown type[99] in %s on line %d
bool(false)

Warning: Swoole\Redis\Server::format(): Unknown type[-1] in %s on line %d
bool(false)

Warning: Array to string conversion in %s on line %d
string(15) "*1
$5
Array
"
Error: Object of class stdClass could not be converted to string
bool(true)
