--TEST--
runtime stream: ssl:// client and server on hooked transports (verify_peer false; verify with cafile + peer_name; failed verification; capture_peer_cert; stream_socket_enable_crypto)
--SKIPIF--
<?php if (!is_executable('/usr/bin/openssl')) die('skip openssl binary missing'); ?>
--FILE--
<?php
$dir = sys_get_temp_dir() . '/swh5tls_' . getmypid();
@mkdir($dir);
exec("openssl req -x509 -newkey rsa:2048 -nodes -keyout $dir/key.pem -out $dir/cert.pem -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost 2>&1", $out, $rc);
var_dump($rc);
Co\run(function () use ($dir) {
    $ctx = stream_context_create(['ssl' => ['local_cert' => "$dir/cert.pem", 'local_pk' => "$dir/key.pem"]]);
    $server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
    $port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
    go(function () use ($server) {
        // Five clients; the two refused handshakes give false here.
        for ($i = 0; $i < 5; $i++) {
            $conn = @stream_socket_accept($server, 5);
            if (!$conn) continue;
            go(function () use ($conn) {
                $line = fgets($conn);
                if ($line !== false) fwrite($conn, "tls:$line");
                fclose($conn);
            });
        }
    });

    // 1. no verification
    $c = stream_socket_client("ssl://127.0.0.1:$port", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
        stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
    fwrite($c, "one\n");
    var_dump(fgets($c));
    fclose($c);

    // 2. verified against the CA file, by name
    $ctx = stream_context_create(['ssl' => ['cafile' => "$dir/cert.pem", 'peer_name' => 'localhost', 'capture_peer_cert' => true]]);
    $c = stream_socket_client("ssl://127.0.0.1:$port", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
    fwrite($c, "two\n");
    var_dump(fgets($c));
    $cert = stream_context_get_options($ctx)['ssl']['peer_certificate'];
    var_dump(openssl_x509_parse($cert)['subject']['CN']);
    fclose($c);

    // 3. verification on (PHP's default) without the CA: refused
    $c = @stream_socket_client("ssl://127.0.0.1:$port", $errno, $errstr, 5);
    var_dump($c, $errstr !== '');

    // 4. wrong name with verification
    $c = @stream_socket_client("ssl://127.0.0.1:$port", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
        stream_context_create(['ssl' => ['cafile' => "$dir/cert.pem", 'peer_name' => 'other.example']]));
    var_dump($c);

    // 5. tcp:// first, then stream_socket_enable_crypto
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
        stream_context_create(['ssl' => ['cafile' => "$dir/cert.pem", 'peer_name' => 'localhost']]));
    var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
    fwrite($c, "three\n");
    var_dump(fgets($c));
    fclose($c);
    fclose($server);
});
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
int(0)
string(8) "tls:one
"
string(8) "tls:two
"
string(9) "localhost"
bool(false)
bool(true)
bool(false)
bool(true)
string(10) "tls:three
"
