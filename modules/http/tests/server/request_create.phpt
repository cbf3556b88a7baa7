--TEST--
http request: Request::create() + parse() + isCompleted(): bytes consumed, split input, pipelined rest, options, errors
--INI--
swoole.modules=http
--FILE--
<?php
use Swoole\Http\Request;

$r = Request::create();
var_dump($r instanceof Request, $r->isCompleted(), $r->getMethod(), $r->getContent());
$head = "GET /p/a?x=1&y[]=2 HTTP/1.1\r\nHost: h\r\nCookie: a=b%20c; d=e\r\nX-Mixed-Case: v\r\n";
var_dump($r->parse($head));             // all taken, still waiting for the blank line
var_dump($r->isCompleted(), $r->header);
var_dump($r->parse("\r\nGET /next"));   // only the blank line belongs to this request
var_dump($r->isCompleted(), $r->getMethod());
var_dump($r->header, $r->cookie, $r->get, $r->server, $r->fd, $r->streamId);
var_dump($r->parse("x"));               // complete already
var_dump(strlen($r->getData()) === strlen($head) + 2, $r->getContent());

// a body in two pieces, the server's limits and options
$r = Request::create(['parse_cookie' => false, 'parse_body' => true]);
var_dump($r->parse("POST /f HTTP/1.0\r\nContent-Type: application/x-www-form-urlencoded\r\nCookie: k=v\r\nContent-Length: 11\r\n\r\na=1&b"));
var_dump($r->isCompleted());
var_dump($r->parse("=2&c=3GET / HTTP/1.1\r\n\r\n"));
var_dump($r->isCompleted(), $r->post, $r->cookie, $r->header['cookie'], $r->getContent(), $r->server['server_protocol']);

$r = Request::create(['parse_body' => false]);
var_dump($r->parse("PUT /f HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n3\r\na=1\r\n0\r\n\r\n"));
var_dump($r->post, $r->getContent(), $r->getMethod());

// byte by byte: every byte is consumed, the request completes at the last one
$req = "DELETE /d HTTP/1.1\r\nContent-Length: 2\r\n\r\nok";
$r = Request::create();
$sum = 0;
for ($i = 0; $i < strlen($req); $i++) {
    $n = $r->parse($req[$i]);
    $sum += $n;
    if ($r->isCompleted()) break;
}
var_dump($i === strlen($req) - 1, $sum === strlen($req), $r->getContent());

// multipart: with the default parse_files the $_FILES layout
$b = 'BOUND';
$body = "--$b\r\nContent-Disposition: form-data; name=\"f[]\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nAAA\r\n"
    . "--$b\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nval\r\n--$b--\r\n";
$r = Request::create(['upload_tmp_dir' => sys_get_temp_dir()]);
var_dump($r->parse("POST /u HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=$b\r\nContent-Length: " . strlen($body) . "\r\n\r\n$body") > 0);
$tmp = $r->files['f']['tmp_name'][0];
var_dump($r->post, $r->files['f']['name'], $r->files['f']['size'], file_get_contents($tmp));
unset($r);
var_dump(file_exists($tmp));   // removed with the request

// malformed input: false, and false from then on
foreach (["FOO / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\n: empty-name\r\n\r\n", "GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n"] as $bad) {
    $r = Request::create();
    var_dump($r->parse($bad), $r->parse("GET / HTTP/1.1\r\n\r\n"), $r->isCompleted());
}
var_dump((new ReflectionMethod(Request::class, 'create'))->isStatic());
try {
    Request::create('x');
} catch (TypeError $e) {
    echo get_class($e), "\n";
}
?>
--EXPECT--
bool(true)
bool(false)
bool(false)
string(0) ""
int(77)
bool(false)
NULL
int(2)
bool(true)
string(3) "GET"
array(2) {
  ["host"]=>
  string(1) "h"
  ["x-mixed-case"]=>
  string(1) "v"
}
array(2) {
  ["a"]=>
  string(3) "b c"
  ["d"]=>
  string(1) "e"
}
array(2) {
  ["x"]=>
  string(1) "1"
  ["y"]=>
  array(1) {
    [0]=>
    string(1) "2"
  }
}
array(5) {
  ["query_string"]=>
  string(9) "x=1&y[]=2"
  ["request_method"]=>
  string(3) "GET"
  ["request_uri"]=>
  string(4) "/p/a"
  ["path_info"]=>
  string(4) "/p/a"
  ["server_protocol"]=>
  string(8) "HTTP/1.1"
}
int(0)
int(0)
bool(false)
bool(true)
string(0) ""
int(107)
bool(false)
int(6)
bool(true)
array(3) {
  ["a"]=>
  string(1) "1"
  ["b"]=>
  string(1) "2"
  ["c"]=>
  string(1) "3"
}
NULL
string(3) "k=v"
string(11) "a=1&b=2&c=3"
string(8) "HTTP/1.0"
int(109)
NULL
string(3) "a=1"
string(3) "PUT"
bool(true)
bool(true)
string(2) "ok"
bool(true)
array(1) {
  ["t"]=>
  string(3) "val"
}
array(1) {
  [0]=>
  string(5) "a.txt"
}
array(1) {
  [0]=>
  int(3)
}
string(3) "AAA"
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(true)
TypeError
