--TEST--
process: redirect_stdin_and_stdout sends the child's echo to the parent and forces a stream pipe
--FILE--
<?php
use Swoole\Process;
$p = new Process(function (Process $p) {
    echo "hello from child\n";
    $line = fgets(STDIN);
    echo "got: $line";
}, true, 2);
$p->start();
var_dump($p->read());
$p->write("input line\n");
var_dump($p->read());
var_dump(Process::wait()['code']);
?>
--EXPECT--
string(17) "hello from child
"
string(16) "got: input line
"
int(0)
