--TEST--
system: gethostbyname and getaddrinfo through the system resolver; argument warnings; failures set the last error
--FILE--
<?php
Co\run(function () {
    var_dump(Co\System::gethostbyname('localhost'));
    var_dump(Co\System::gethostbyname('localhost', AF_INET, 5));
    var_dump(Swoole\Coroutine\System::gethostbyname('127.0.0.1'));
    var_dump(Co\System::gethostbyname('::1', AF_INET6));
    swoole_clear_dns_cache();
    var_dump(Co\System::gethostbyname('LOCALHOST'));

    var_dump(Co\System::gethostbyname(''));
    var_dump(Co\System::gethostbyname('localhost', 12345));

    $list = Co\System::getaddrinfo('localhost');
    var_dump(is_array($list) && in_array('127.0.0.1', $list, true));
    $list = Co\System::getaddrinfo('localhost', AF_INET, SOCK_DGRAM, 17 /* IPPROTO_UDP */, '53');
    var_dump($list);
    var_dump(Co\System::getaddrinfo(''));
    var_dump(Co\System::getaddrinfo('localhost', AF_UNIX));

    // No internet here: an unknown name fails quickly or times out.
    swoole_clear_error();
    var_dump(Co\System::gethostbyname('no-such-host.invalid', AF_INET, 0.5));
    var_dump(in_array(swoole_last_error(), [SWOOLE_ERROR_DNSLOOKUP_RESOLVE_FAILED, SWOOLE_ERROR_DNSLOOKUP_RESOLVE_TIMEOUT], true));
    swoole_clear_error();
    var_dump(Co\System::getaddrinfo('no-such-host.invalid', AF_INET, SOCK_STREAM, 6 /* IPPROTO_TCP */, null, 0.5));
    var_dump(in_array(swoole_last_error(), [SWOOLE_ERROR_DNSLOOKUP_RESOLVE_FAILED, SWOOLE_ERROR_DNSLOOKUP_RESOLVE_TIMEOUT], true));
});
?>
--EXPECTF--
string(9) "127.0.0.1"
string(9) "127.0.0.1"
string(9) "127.0.0.1"
string(3) "::1"
string(9) "127.0.0.1"

Warning: Swoole\Coroutine\System::gethostbyname(): domain name is empty in %s on line %d
bool(false)

Warning: Swoole\Coroutine\System::gethostbyname(): unknown protocol family, must be AF_INET or AF_INET6 in %s on line %d
bool(false)
bool(true)
array(1) {
  [0]=>
  string(9) "127.0.0.1"
}

Warning: Swoole\Coroutine\System::getaddrinfo(): hostname is empty in %s on line %d
bool(false)

Warning: Swoole\Coroutine\System::getaddrinfo(): unknown protocol family, must be AF_INET or AF_INET6 in %s on line %d
bool(false)
bool(false)
bool(true)
bool(false)
bool(true)
