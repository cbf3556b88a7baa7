--TEST--
http2: open_http2_protocol with a dispatch_mode other than 2/4 is the fatal error of 4.8 at start()
--INI--
swoole.modules=http
--FILE--
<?php
$s = new Swoole\Http\Server('127.0.0.1', 0, SWOOLE_PROCESS);
$s->set(['dispatch_mode' => 1, 'open_http2_protocol' => true, 'log_level' => SWOOLE_LOG_ERROR]);
$s->on('request', function () {});
$s->start();
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Http\Server::start(): server dispatch mode should be FDMOD(2) or IPMOD(4) if open_http2_protocol is true in %s on line %d
