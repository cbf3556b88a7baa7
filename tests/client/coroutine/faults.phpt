--TEST--
Co\Client faults: over package_max_length (1201, closed), peer closing mid-packet, length function < 0 and throwing (1202)
--FILE--
<?php
function peer(callable $fn): int {
    $l = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $l->bind('127.0.0.1', 0);
    $l->listen();
    go(function () use ($l, $fn) { $fn($l->accept()); });
    return $l->getsockname()['port'];
}
Co\run(function () {
    $len = ['open_length_check' => true, 'package_length_type' => 'N', 'package_body_offset' => 4];
    // two packets in one write, then one over the limit
    $port = peer(function ($conn) { $conn->send(pack('N', 2) . 'ab' . pack('N', 1) . 'c' . pack('N', 5000) . 'x'); $conn->recv(); });
    $c = new Co\Client(SWOOLE_SOCK_TCP);
    $c->set($len + ['package_max_length' => 1000]);
    $c->connect('127.0.0.1', $port);
    var_dump(substr($c->recv(), 4), substr($c->recv(), 4));
    var_dump($c->recv(), $c->errCode === SWOOLE_ERROR_PACKAGE_LENGTH_TOO_LARGE, $c->errMsg, $c->connected);

    // the peer closes in the middle of a packet
    $port = peer(function ($conn) { $conn->send(pack('N', 10) . 'abc'); $conn->close(); });
    $c = new Co\Client(SWOOLE_SOCK_TCP);
    $c->set($len);
    $c->connect('127.0.0.1', $port);
    var_dump($c->recv(2), $c->errCode);

    // a length function answering < 0
    $port = peer(function ($conn) { $conn->send('zzzz'); $conn->recv(); });
    $c = new Co\Client(SWOOLE_SOCK_TCP);
    $c->set(['package_length_func' => fn($d) => -1]);
    $c->connect('127.0.0.1', $port);
    var_dump($c->recv(2), $c->errCode === SWOOLE_ERROR_PACKAGE_LENGTH_NOT_FOUND, $c->connected);

    // a length function that throws: a protocol error, the coroutine goes on
    $port = peer(function ($conn) { $conn->send('zzzz'); $conn->recv(); });
    $c = new Co\Client(SWOOLE_SOCK_TCP);
    $c->set(['package_length_func' => function ($d) { throw new RuntimeException('bad header'); }]);
    $c->connect('127.0.0.1', $port);
    var_dump($c->recv(2), $c->errCode === SWOOLE_ERROR_PACKAGE_LENGTH_NOT_FOUND);

    // option errors
    var_dump($c->set(['package_length_func' => 'no_such_function']));
    var_dump($c->set(['package_length_type' => 'x']));
    var_dump($c->set(['socket_buffer_size' => 0]));
    var_dump($c->set(['socks5_host' => '127.0.0.1']));
    var_dump($c->set(['http_proxy_host' => '127.0.0.1']));
    var_dump($c->set(['socks5_host' => '127.0.0.1', 'socks5_port' => 1, 'socks5_username' => 'u']));
    var_dump($c->set(['ssl_cert_file' => '/nonexistent/cert.pem']));
    var_dump($c->set([]));
    var_dump($c->set(['open_mqtt_protocol' => true]), $c->setting['open_mqtt_protocol']);
    echo "done\n";
});
?>
--EXPECTF--
string(2) "ab"
string(1) "c"
[%s]	WARNING	Socket::recv_packet_with_length_protocol() (ERRNO 1201): packet length is too big, remote_addr=127.0.0.1:%d, length=5004
bool(false)
bool(true)
string(%d) "Socket::recv_packet_with_length_protocol() (ERRNO 1201): packet length is too big, remote_addr=127.0.0.1:%d, length=5004"
bool(false)
string(0) ""
int(104)
string(0) ""
bool(true)
bool(false)

Warning: Swoole\Coroutine\Client::recv(): package_length_func threw RuntimeException: bad header in %s on line %d
string(0) ""
bool(true)

Warning: Swoole\Coroutine\Client::set(): function 'no_such_function' is not callable in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Client::set(): Unknown package_length_type name 'x', see pack(). in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Client::set(): socket buffer size must be greater than 0, got 0 in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Client::set(): socks5_port should not be null in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Client::set(): http_proxy_port should not be null in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Client::set(): socks5_password should not be null in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Client::set(): ssl cert file[/nonexistent/cert.pem] not found in %s on line %d
bool(false)
bool(false)
bool(true)
bool(true)
done
