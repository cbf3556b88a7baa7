--TEST--
swoole_get_local_ip() and swoole_get_local_mac() match the system's view of the interfaces
--FILE--
<?php
$ips = swoole_get_local_ip();
var_dump(is_array($ips));
var_dump(!in_array('127.0.0.1', $ips, true));
foreach ($ips as $name => $ip) {
    if (!is_string($name) || filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) === false) echo "bad: $name => $ip\n";
}

// Expected from PHP's own interface list: IPv4 of interfaces that are up, last address wins.
$expected = [];
foreach (net_get_interfaces() as $name => $info) {
    if (empty($info['up'])) continue;
    foreach ($info['unicast'] as $u) {
        if ($u['family'] === AF_INET && isset($u['address']) && $u['address'] !== '127.0.0.1') $expected[$name] = $u['address'];
    }
}
var_dump($ips == $expected);

// Every non-loopback IPv4 that `ip` lists for an UP interface is reported.
$ip_tool = trim((string) shell_exec('command -v ip 2>/dev/null'));
if ($ip_tool !== '') {
    preg_match_all('/\binet (\d+\.\d+\.\d+\.\d+)\//', (string) shell_exec('ip -4 -o addr show up'), $m);
    $missing = array_diff(array_diff($m[1], ['127.0.0.1']), $ips);
    var_dump($missing);
} else {
    var_dump([]);
}

$macs = swoole_get_local_mac();
var_dump(is_array($macs));
foreach ($macs as $name => $mac) {
    if (!preg_match('/^[0-9A-F]{2}(:[0-9A-F]{2})+$/', $mac)) echo "bad format: $name => $mac\n";
    if (preg_match('/^(00:)+00$/', $mac)) echo "all zero: $name\n";
}
// Compare with sysfs: every interface with a non-zero address, loopback excluded.
$sys = [];
foreach (glob('/sys/class/net/*/address') as $file) {
    $name = basename(dirname($file));
    $addr = strtoupper(trim(file_get_contents($file)));
    $flags = hexdec(trim(file_get_contents(dirname($file) . '/flags')));
    if ($addr === '' || preg_match('/^(00:)*00$/', $addr) || ($flags & 0x8)) continue;
    $sys[$name] = $addr;
}
ksort($sys);
ksort($macs);
var_dump($macs === $sys);
var_dump(!isset($macs['lo']));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
array(0) {
}
bool(true)
bool(true)
bool(true)
