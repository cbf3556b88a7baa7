--TEST--
Co\Socket: recvLine while another coroutine is in recv is the bound fatal, before the buffer is touched
--FILE--
<?php
Co\run(function () {
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    go(function () use ($b) { $b->recv(); });
    go(function () use ($b) { $b->recvLine(); });
});
--EXPECTF--
%AFatal error: Uncaught Swoole\Error: Socket#%d has already been bound to another coroutine#2, reading of the same socket in coroutine#3 at the same time is not allowed in %s
%A
