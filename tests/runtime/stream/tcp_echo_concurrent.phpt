--TEST--
runtime stream: N coroutines stream_socket_client + fwrite/fread against a coroutine echo server run concurrently; fread after the peer closed is "" and feof
--FILE--
<?php
Co\run(function () {
    $server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
    var_dump(stream_get_meta_data($server)['stream_type']);
    $port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
    go(function () use ($server) {
        // One handler coroutine per connection; each answers after 200 ms.
        while ($conn = @stream_socket_accept($server, 5)) {
            go(function () use ($conn) {
                $line = fgets($conn);
                Co::sleep(0.2);
                fwrite($conn, "echo:$line");
                fclose($conn);
            });
        }
    });
    $n = 10;
    $results = [];
    $start = microtime(true);
    $done = new Co\Channel($n);
    for ($i = 0; $i < $n; $i++) {
        go(function () use ($i, $port, $done, &$results) {
            $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 5);
            fwrite($c, "hello $i\n");
            $results[$i] = fgets($c);
            // The server closed after its answer.
            $rest = fread($c, 100);
            $results[$i] .= json_encode([$rest, feof($c)]);
            if ($i === 0) {
                $meta = stream_get_meta_data($c);
                echo $meta['stream_type'], ' ', json_encode([$meta['timed_out'], $meta['blocked'], $meta['eof']]), "\n";
            }
            fclose($c);
            $done->push(true);
        });
    }
    for ($i = 0; $i < $n; $i++) $done->pop();
    $elapsed = microtime(true) - $start;
    ksort($results);
    echo implode('', $results), "\n";
    // Ten 200 ms answers in parallel: far below the 2 s a serial run takes.
    var_dump($elapsed < 1.5);
    fclose($server);
});
?>
--EXPECT--
string(20) "tcp_socket/coroutine"
tcp_socket/coroutine [false,true,true]
echo:hello 0
["",true]echo:hello 1
["",true]echo:hello 2
["",true]echo:hello 3
["",true]echo:hello 4
["",true]echo:hello 5
["",true]echo:hello 6
["",true]echo:hello 7
["",true]echo:hello 8
["",true]echo:hello 9
["",true]
bool(true)
