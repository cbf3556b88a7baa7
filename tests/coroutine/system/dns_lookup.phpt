--TEST--
system: dnsLookup / swoole_async_dns_lookup_coro ask the dns_server (a UDP responder in this test), hosts file first
--FILE--
<?php
// A tiny DNS server: A/AAAA answers for svc.test, NXDOMAIN for other names.
function dns_answer(string $q): string {
    $pos = 12;
    $labels = [];
    while (($len = ord($q[$pos])) !== 0) {
        $labels[] = substr($q, $pos + 1, $len);
        $pos += $len + 1;
    }
    $pos++;
    $qtype = unpack('n', substr($q, $pos, 2))[1];
    $question = substr($q, 12, $pos + 4 - 12);
    $known = strtolower(implode('.', $labels)) === 'svc.test';
    $answer = '';
    if ($known) {
        $rdata = inet_pton($qtype === 28 ? '2001:db8::7' : '192.0.2.7');
        $answer = pack('nnnNn', 0xc00c, $qtype, 1, 60, strlen($rdata)) . $rdata;
    }
    return substr($q, 0, 2) . pack('nnnnn', $known ? 0x8180 : 0x8183, 1, $known ? 1 : 0, 0, 0) . $question . $answer;
}

function udp_server(): array {
    $srv = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
    $name = stream_socket_get_name($srv, false);
    return [$srv, (int) substr($name, strrpos($name, ':') + 1)];
}

[$server, $port] = udp_server();
[$mute, $mute_port] = udp_server();
$queries = 0;
$running = true;
Co::set(['hook_flags' => 0, 'dns_server' => "127.0.0.1:$port"]);
Co\run(function () use ($server, $mute, $mute_port, &$queries, &$running) {
    go(function () use ($server, &$queries, &$running) {
        while ($running) {
            if (Co\System::waitEvent($server, SWOOLE_EVENT_READ, 0.05) === false) continue;
            $query = stream_socket_recvfrom($server, 512, 0, $peer);
            $queries++;
            stream_socket_sendto($server, dns_answer($query), 0, $peer);
        }
    });

    var_dump(Co\System::dnsLookup('svc.test'));
    var_dump(Co\System::dnsLookup('svc.test', 5, AF_INET6));
    var_dump(swoole_async_dns_lookup_coro('SVC.test', 5));
    swoole_clear_error();
    var_dump(Co\System::dnsLookup('other.test', 5));
    var_dump(swoole_last_error() === SWOOLE_ERROR_DNSLOOKUP_RESOLVE_FAILED);
    var_dump($queries);

    // Literal addresses and the hosts file need no query.
    var_dump(Co\System::dnsLookup('192.0.2.200'));
    var_dump(Co\System::dnsLookup('localhost'));
    var_dump($queries);

    // Argument checks.
    var_dump(Co\System::dnsLookup(''));
    var_dump(Co\System::dnsLookup(['svc.test']));
    var_dump(swoole_async_dns_lookup_coro(''));
    var_dump(Co\System::dnsLookup('svc.test', 1, 99));

    // A server that never answers: a timeout, and the loop is not held up.
    Co::set(['dns_server' => "127.0.0.1:$mute_port"]);
    $ticks = 0;
    $waiting = true;
    go(function () use (&$ticks, &$waiting) {
        while ($waiting) {
            Co::sleep(0.02);
            $ticks++;
        }
    });
    $t = microtime(true);
    swoole_clear_error();
    var_dump(Co\System::dnsLookup('svc.test', 0.3));
    $waiting = false;
    $elapsed = microtime(true) - $t;
    var_dump(swoole_last_error() === SWOOLE_ERROR_DNSLOOKUP_RESOLVE_TIMEOUT);
    var_dump($elapsed >= 0.29 && $elapsed < 1.5 ? true : $elapsed);
    var_dump($ticks >= 5 ? true : $ticks);
    $running = false;
});
echo "done\n";
?>
--EXPECTF--
string(9) "192.0.2.7"
string(11) "2001:db8::7"
string(9) "192.0.2.7"
bool(false)
bool(true)
int(4)
string(11) "192.0.2.200"
string(9) "127.0.0.1"
int(4)

Warning: Swoole\Coroutine\System::dnsLookup(): domain name empty in %s on line %d
bool(false)

Warning: Swoole\Coroutine\System::dnsLookup(): invalid domain name in %s on line %d
bool(false)

Warning: swoole_async_dns_lookup_coro(): domain name empty in %s on line %d
bool(false)

Warning: Swoole\Coroutine\System::dnsLookup(): unknown protocol family, must be AF_INET or AF_INET6 in %s on line %d
bool(false)
bool(false)
bool(true)
bool(true)
bool(true)
done
