--TEST--
server modules: what the host table refuses, and the calls outside a running server
--INI--
swoole.module_dir=/nonexistent/outer-run
--FILE--
<?php
require __DIR__ . '/line_fixture.inc';
line_fixture_reexec();
foreach (LineFixture\registration_checks() as $what => [$rc, $error]) {
    echo "$what: $rc $error\n";
}
$server = new LineFixture\Server('127.0.0.1', 0, SWOOLE_BASE);
// Not started: nothing is connected.
var_dump(LineFixture\send($server, 1, "x"), LineFixture\close($server, 1), LineFixture\client_info($server, 1));
$server->on('request', function () {});
var_dump(LineFixture\has_callback($server, 1, 'request'), LineFixture\has_callback($server, 1, 'receive'));
// open_<name>_protocol keys: no "unsupported option" warning for them.
$server->set(['open_line_protocol' => true, 'open_http_protocol' => false, 'open_mqtt_protocol' => false]);
var_dump($server->setting['open_line_protocol']);
?>
--EXPECT--
handler for an unknown protocol: -1 505
class protocol for a non-server class: -1 505
class protocol for an unknown protocol: -1 505
class protocol with an unknown event: -1 505
call outside a server: -1 505
int(1005)
int(1005)
int(1005)
bool(true)
bool(false)
bool(true)
