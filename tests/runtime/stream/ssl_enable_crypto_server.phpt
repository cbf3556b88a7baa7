--TEST--
runtime stream: server-side stream_socket_enable_crypto on an accepted tcp:// stream, a tlsv1.2:// client, crypto errors
--SKIPIF--
<?php if (!is_executable('/usr/bin/openssl')) die('skip openssl binary missing'); ?>
--FILE--
<?php
$dir = sys_get_temp_dir() . '/swh5tls2_' . getmypid();
@mkdir($dir);
exec("openssl req -x509 -newkey rsa:2048 -nodes -keyout $dir/key.pem -out $dir/cert.pem -days 1 -subj /CN=localhost 2>&1", $out, $rc);
// One PEM with both the certificate and the key (local_cert alone).
file_put_contents("$dir/both.pem", file_get_contents("$dir/cert.pem") . file_get_contents("$dir/key.pem"));
var_dump($rc);
Co\run(function () use ($dir) {
    $ctx = stream_context_create(['ssl' => ['local_cert' => "$dir/both.pem"]]);
    $server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
    $port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
    go(function () use ($server) {
        $conn = stream_socket_accept($server, 5);
        var_dump(fread($conn, 5));  // plain bytes first
        fwrite($conn, "ok\n");       // the client starts TLS only after this: no TLS bytes in PHP's read buffer
        var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
        fwrite($conn, strrev(rtrim(fgets($conn))) . "\n");
        fclose($conn);
    });
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
        stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
    fwrite($c, "PLAIN");
    fgets($c);
    var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT));
    var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));  // already on
    fwrite($c, "olleh\n");
    var_dump(fgets($c));
    var_dump(stream_socket_enable_crypto($c, false));
    fclose($c);

    // tlsv1.2:// straight away, against a server stream with TLS from accept on.
    $tls = stream_socket_server('tlsv1.2://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
    $port = (int) substr(strrchr(stream_socket_get_name($tls, false), ':'), 1);
    go(function () use ($tls) {
        $conn = stream_socket_accept($tls, 5);
        fwrite($conn, "over tls 1.2\n");
        fclose($conn);
    });
    $c = stream_socket_client("tlsv1.2://127.0.0.1:$port", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
        stream_context_create(['ssl' => ['verify_peer' => false]]));
    var_dump(fgets($c), fgets($c), feof($c));
    fclose($tls);
    fclose($server);
});
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
int(0)
string(5) "PLAIN"
bool(true)
bool(true)
bool(true)
string(6) "hello
"

Warning: stream_socket_enable_crypto(): Crypto cannot be turned off on a coroutine stream in %s on line %d
bool(false)
string(13) "over tls 1.2
"
bool(false)
bool(true)
