--TEST--
runtime stream: file_get_contents('http://127.0.0.1:P/') in a coroutine leaves a 10 ms ticker ticking
--FILE--
<?php
Co\run(function () {
    // A plain coroutine HTTP server: answers after 300 ms.
    $server = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
    go(function () use ($server) {
        $conn = stream_socket_accept($server, 5);
        $head = '';
        while (($line = fgets($conn)) !== false && $line !== "\r\n") $head .= $line;
        Co::sleep(0.3);
        $body = 'hello from ' . strtok($head, "\r\n");
        fwrite($conn, "HTTP/1.1 200 OK\r\nContent-Length: " . strlen($body) . "\r\nConnection: close\r\n\r\n$body");
        fclose($conn);
    });
    $ticks = 0;
    $timer = Swoole\Timer::tick(10, function () use (&$ticks) { $ticks++; });
    $body = file_get_contents("http://127.0.0.1:$port/");
    Swoole\Timer::clear($timer);
    var_dump($body);
    var_dump($http_response_header[0]);
    // 300 ms of waiting: the ticker ran meanwhile (loose bound for a loaded machine).
    var_dump($ticks >= 5);
    fclose($server);
});
?>
--EXPECT--
string(25) "hello from GET / HTTP/1.1"
string(15) "HTTP/1.1 200 OK"
bool(true)
