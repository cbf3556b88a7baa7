--TEST--
Event: del() from inside a callback, of unregistered fds, and the release of the callbacks
--FILE--
<?php
use Swoole\Event;

class Handler
{
    public function __construct(public string $name) {}
    public function __invoke($s) { echo "{$this->name}: ", fread($s, 100), "\n"; Event::del($s); echo "after del\n"; }
    public function __destruct() { echo "destruct {$this->name}\n"; }
}

[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
[$c, $d] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
Event::add($a, new Handler('h1'));
fwrite($b, "one");
var_dump(Event::del($c));           // never added: false, no warning
Event::add($c, new Handler('h2'));
var_dump(Event::del($c));           // releases h2 at once
var_dump(Event::del($c), Event::isset($c));
Event::wait();
echo "done\n";
?>
--EXPECT--
bool(false)
destruct h2
bool(true)
bool(false)
bool(false)
h1: one
after del
destruct h1
done
