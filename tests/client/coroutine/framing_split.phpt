--TEST--
Co\Client: length (several pack types) and EOF (check, split) framing over 1-byte writes and packed writes
--FILE--
<?php
// A peer that writes $stream one byte at a time (yielding between bytes),
// then the whole stream again in one write.
function serve(string $stream): int {
    $l = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $l->bind('127.0.0.1', 0);
    $l->listen();
    go(function () use ($l, $stream) {
        $conn = $l->accept();
        $conn->setOption(SOL_TCP, TCP_NODELAY, 1);
        for ($i = 0; $i < strlen($stream); $i++) {
            $conn->send($stream[$i]);
            Co::sleep(0.001);
        }
        $conn->send($stream);
        $conn->recv();  // until the client closes
    });
    return $l->getsockname()['port'];
}

function run_case(string $name, array $settings, string $stream, int $packets) {
    $port = serve($stream);
    $c = new Co\Client(SWOOLE_SOCK_TCP);
    $c->set($settings);
    $c->connect('127.0.0.1', $port, 5);
    $got = [];
    for ($i = 0; $i < 2 * $packets; $i++) {
        $p = $c->recv(5);
        if ($p === false || $p === '') { $got[] = var_export($p, true); break; }
        $got[] = $p;
    }
    $first = array_slice($got, 0, $packets);
    $second = array_slice($got, $packets);
    echo $name, ': ', count($got), ' packets, halves equal: ', var_export($first === $second, true),
         ', joined equal: ', var_export(implode('', $first) === $stream, true), "\n";
    $c->close();
    return $first;
}

Co\run(function () {
    foreach (['N' => 4, 'n' => 2, 'V' => 4, 'v' => 2, 'C' => 1, 'J' => 8, 'l' => 4] as $type => $size) {
        $stream = '';
        foreach (['a', 'bcd', str_repeat('x', 100)] as $body) {
            $stream .= 'HD' . pack($type, strlen($body)) . $body;
        }
        $p = run_case("length $type", ['open_length_check' => true, 'package_length_type' => $type,
            'package_length_offset' => 2, 'package_body_offset' => 2 + $size], $stream, 3);
        var_dump(substr($p[1], 2 + $size));
    }
    $p = run_case('eof split', ['open_eof_split' => true, 'package_eof' => "\r\n"], "one\r\ntwo\r\nthree\r\n", 3);
    var_dump($p[2]);
    // eof check: a packet is whatever is buffered once it ends with the EOF,
    // so two messages written at once come as one packet.
    $l = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $l->bind('127.0.0.1', 0);
    $l->listen();
    $ch = new Co\Channel(1);
    go(function () use ($l, $ch) {
        $conn = $l->accept();
        $conn->send('a');
        Co::sleep(0.01);
        $conn->send('#');
        $ch->pop();
        $conn->send('b#c#');
        $ch->pop();
    });
    $c = new Co\Client(SWOOLE_SOCK_TCP);
    $c->set(['open_eof_check' => true, 'package_eof' => '#']);
    $c->connect('127.0.0.1', $l->getsockname()['port']);
    var_dump($c->recv());
    $ch->push(1);
    var_dump($c->recv());
    $ch->push(1);
    // custom length function: a 1-byte length header
    $p = run_case('length func', ['package_length_func' => function ($data) {
        return strlen($data) < 1 ? 0 : 1 + ord($data[0]);
    }], "\x03abc\x01z", 2);
    var_dump(array_map('bin2hex', $p));
});
?>
--EXPECT--
length N: 6 packets, halves equal: true, joined equal: true
string(3) "bcd"
length n: 6 packets, halves equal: true, joined equal: true
string(3) "bcd"
length V: 6 packets, halves equal: true, joined equal: true
string(3) "bcd"
length v: 6 packets, halves equal: true, joined equal: true
string(3) "bcd"
length C: 6 packets, halves equal: true, joined equal: true
string(3) "bcd"
length J: 6 packets, halves equal: true, joined equal: true
string(3) "bcd"
length l: 6 packets, halves equal: true, joined equal: true
string(3) "bcd"
eof split: 6 packets, halves equal: true, joined equal: true
string(7) "three
"
string(2) "a#"
string(4) "b#c#"
length func: 4 packets, halves equal: true, joined equal: true
array(2) {
  [0]=>
  string(8) "03616263"
  [1]=>
  string(4) "017a"
}
