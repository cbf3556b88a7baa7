--TEST--
Co\Socket: TCP echo between a server socket and a client socket in two coroutines
--FILE--
<?php
Co\run(function () {
    $server = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    var_dump($server->bind('127.0.0.1', 0), $server->listen(128));
    $port = $server->getsockname()['port'];
    go(function () use ($server) {
        $conn = $server->accept();
        var_dump($conn instanceof Swoole\Coroutine\Socket, $conn->fd > 0);
        while (($data = $conn->recv()) !== '' && $data !== false) {
            $conn->sendAll("echo: $data");
        }
        echo "server saw EOF\n";
        $conn->close();
    });
    $client = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    var_dump($client->domain === AF_INET, $client->type === SOCK_STREAM, $client->protocol);
    var_dump($client->connect('127.0.0.1', $port, 1));
    var_dump($client->send('hello'));
    var_dump($client->recv());
    var_dump($client->sendAll(str_repeat('x', 100000)));
    $got = $client->recvAll(100006);
    var_dump(strlen($got), substr($got, 0, 8));
    $client->close();
    var_dump($client->isClosed());
    $server->close();
});
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
int(0)
bool(true)
bool(true)
bool(true)
int(5)
string(11) "echo: hello"
int(100000)
int(100006)
string(8) "echo: xx"
bool(true)
server saw EOF
