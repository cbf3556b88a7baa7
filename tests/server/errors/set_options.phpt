--TEST--
Server: set() merges into $setting, returns true, warns on unsupported options
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
var_dump($s->set(['worker_num' => 2, 'open_eof_check' => true, 'package_eof' => "\r\n"]));
var_dump($s->set(['pipe_buffer_size' => 1, 'max_request' => 3]));
var_dump($s->setting);
var_dump($s->ports[0]->setting['package_eof'] === "\r\n");
var_dump($s->set(['ssl_method' => 1]));
?>
--EXPECTF--
bool(true)

Warning: unsupported option [pipe_buffer_size] in %s on line %d
bool(true)
array(5) {
  ["worker_num"]=>
  int(2)
  ["open_eof_check"]=>
  bool(true)
  ["package_eof"]=>
  string(2) "
"
  ["pipe_buffer_size"]=>
  int(1)
  ["max_request"]=>
  int(3)
}
bool(true)

Warning: unsupported option [ssl_method] in %s on line %d
bool(true)
