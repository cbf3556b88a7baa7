<?php
// The coroutine echo server of tools/bench/socket: a Co\Socket accept loop on
// 127.0.0.1 (port 0: a free one), one coroutine per connection echoing what
// it reads. Prints the port once it listens, then runs until killed.
$port = (int) ($argv[1] ?? 0);
Co\run(function () use ($port) {
    $server = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    if (!$server->bind('127.0.0.1', $port) || !$server->listen(1024)) {
        fwrite(STDERR, "socket_server: {$server->errMsg}\n");
        exit(1);
    }
    echo $server->getsockname()['port'], "\n";
    while ($conn = $server->accept(-1)) {
        $conn->setOption(SOL_TCP, TCP_NODELAY, 1);
        go(function () use ($conn) {
            while (true) {
                $data = $conn->recv(65536, -1);
                if ($data === '' || $data === false) break;
                if ($conn->sendAll($data, -1) !== strlen($data)) break;
            }
            $conn->close();
        });
    }
});
