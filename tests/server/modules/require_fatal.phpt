--TEST--
server modules: a class registered with server_class_protocol requires its event callback at start()
--INI--
swoole.module_dir=/nonexistent/outer-run
--FILE--
<?php
require __DIR__ . '/line_fixture.inc';
line_fixture_reexec();
$server = new LineFixture\Server('127.0.0.1', 0, SWOOLE_BASE);
var_dump($server instanceof Swoole\Server);
$server->on('receive', function () {});
$server->start();
echo "not reached\n";
?>
--EXPECTF--
bool(true)

Fatal error: Swoole\Server::start(): require onRequest callback in %s on line %d
