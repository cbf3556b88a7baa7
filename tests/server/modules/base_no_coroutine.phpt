--TEST--
server modules: a module's protocol and request handler, BASE mode, enable_coroutine off (the handler runs directly)
--INI--
swoole.module_dir=/nonexistent/outer-run
--FILE--
<?php
require __DIR__ . '/line_fixture.inc';
line_fixture_reexec();
line_server_scenario(SWOOLE_BASE, false);
?>
--EXPECT--
settings: [true,false,false]
req:hello
line:hello
req:world
line:world
fd:N port:0
info:LOCAL server:PORT type:1 same:true recent:true
request:true message:false bogus:false
line:callbacks
slept
line:sleep
234sendfile:0

missing:2
line:file
close event: closed
send:1005 sendfile:1005 close:1005 info:1005
line:to FD
bye
after close: false
close: 0
closed
exit: 0
