--TEST--
Co\Client: 1000 concurrent clients against one Co\Socket accept loop, 3 round trips each
--FILE--
<?php
Co\run(function () {
    $l = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $l->bind('127.0.0.1', 0);
    $l->listen(2048);
    $port = $l->getsockname()['port'];
    $n = 1000;
    go(function () use ($l, $n) {
        for ($i = 0; $i < $n; $i++) {
            $conn = $l->accept(10);
            if (!$conn) { echo "accept failed: {$l->errCode}\n"; return; }
            $conn->setProtocol(['open_eof_split' => true, 'package_eof' => "\n"]);
            go(function () use ($conn) {
                while (($line = $conn->recvPacket(10)) !== '' && $line !== false) {
                    $conn->sendAll(strtoupper($line));
                }
            });
        }
    });
    $wg = new Swoole\Coroutine\WaitGroup();
    $ok = 0;
    for ($i = 0; $i < $n; $i++) {
        $wg->add();
        go(function () use ($port, $i, &$ok, $wg) {
            $c = new Co\Client(SWOOLE_SOCK_TCP);
            $c->set(['open_eof_split' => true, 'package_eof' => "\n", 'timeout' => 20]);
            if ($c->connect('127.0.0.1', $port, 20)) {
                $good = true;
                for ($k = 0; $k < 3; $k++) {
                    $c->send("c{$i}r{$k}\n");
                    $good = $good && $c->recv() === "C{$i}R{$k}\n";
                }
                if ($good) $ok++;
                $c->close();
            } else {
                echo "connect $i failed: {$c->errCode}\n";
            }
            $wg->done();
        });
    }
    $wg->wait();
    var_dump($ok);
});
?>
--EXPECT--
int(1000)
