<?php
// The load of tools/bench/socket: CLIENTS coroutines, each with its own
// Co\Socket connection to 127.0.0.1:port, sending a 64-byte message and
// reading the whole echo back, over and over for SECONDS (after a short warm
// up). Prints the round trips per second. Usage: socket_client.php port.
const CLIENTS = 100;
const SECONDS = 3.0;
const WARMUP = 0.5;
const MESSAGE = 64;

$port = (int) ($argv[1] ?? 0);
$counting = false;
$stop = false;
$round_trips = 0;
$failures = 0;

Co\run(function () use ($port, &$counting, &$stop, &$round_trips, &$failures) {
    $message = str_repeat('m', MESSAGE);
    for ($i = 0; $i < CLIENTS; $i++) {
        go(function () use ($port, $message, &$counting, &$stop, &$round_trips, &$failures) {
            $sock = new Co\Socket(AF_INET, SOCK_STREAM, 0);
            if (!$sock->connect('127.0.0.1', $port, 5)) {
                $failures++;
                return;
            }
            $sock->setOption(SOL_TCP, TCP_NODELAY, 1);
            while (!$stop) {
                if ($sock->sendAll($message, 5) !== MESSAGE || $sock->recvAll(MESSAGE, 5) !== $message) {
                    $failures++;
                    break;
                }
                if ($counting) $round_trips++;
            }
            $sock->close();
        });
    }
    Co::sleep(WARMUP);
    $counting = true;
    $start = hrtime(true);
    Co::sleep(SECONDS);
    $counting = false;
    $elapsed = (hrtime(true) - $start) / 1e9;
    $stop = true;
    $GLOBALS['rate'] = $round_trips / $elapsed;
});
if ($failures > 0) {
    fwrite(STDERR, "socket_client: $failures connections failed\n");
    exit(1);
}
printf("%.0f\n", $GLOBALS['rate']);
