--TEST--
Co\Socket: class, alias, properties, not cloneable, not serializable
--FILE--
<?php
var_dump(class_exists('Co\Socket'), Co\Socket::class === 'Co\Socket', (new ReflectionClass('Co\Socket'))->getName());
var_dump(get_parent_class('Swoole\Coroutine\Socket\Exception'));
$s = new Swoole\Coroutine\Socket(AF_INET, SOCK_DGRAM);
var_dump(array_keys(get_object_vars($s)), $s->fd > 0, $s->errCode, $s->errMsg);
try { clone $s; } catch (Error $e) { echo get_class($e), "\n"; }
try { serialize($s); } catch (Exception $e) { echo get_class($e), "\n"; }
var_dump(function_exists('swoole_coroutine_socketpair'));
?>
--EXPECTF--
bool(true)
bool(true)
string(23) "Swoole\Coroutine\Socket"
string(16) "Swoole\Exception"
array(6) {
  [0]=>
  string(2) "fd"
  [1]=>
  string(6) "domain"
  [2]=>
  string(4) "type"
  [3]=>
  string(8) "protocol"
  [4]=>
  string(7) "errCode"
  [5]=>
  string(6) "errMsg"
}
bool(true)
int(0)
string(0) ""
Error
Exception
bool(true)
