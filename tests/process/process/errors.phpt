--TEST--
process: bad arguments and misuse get the spec's warnings and return values
--FILE--
<?php
use Swoole\Process;
try { new Process('not_callable'); } catch (TypeError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
$p = new Process(function () { usleep(300000); }, false, 0);
var_dump($p->write(''));
var_dump($p->read());
var_dump($p->write('x'));
var_dump($p->setTimeout(1));
var_dump($p->setBlocking(true));
var_dump($p->close());
var_dump($p->exportSocket());
var_dump($p->push('x'));
var_dump($p->pop());
var_dump($p->statQueue());
var_dump($p->freeQueue());
var_dump($p->exit());
var_dump($p->exec('', []));
var_dump($p->exec('echo', ['a']));
$p->start();
var_dump($p->start());
Process::kill($p->pid, SIGKILL);
Process::wait();
var_dump(Process::kill($p->pid, 0));
var_dump(Process::kill(99999999, SIGTERM));
var_dump(Process::signal(200, function () {}));
var_dump(Process::signal(-1, function () {}));
var_dump(Process::signal(SIGUSR1, null));
var_dump(Process::signal(SIGUSR1, 'no_such_function'));
var_dump(Process::setAffinity([]));
var_dump(Process::setAffinity(array_fill(0, swoole_cpu_num() + 1, 0)));
var_dump(Process::setAffinity([swoole_cpu_num()]));
var_dump(Process::setAffinity([0]));
var_dump(Process::IPC_NOWAIT, Process::PIPE_MASTER, Process::PIPE_WORKER, Process::PIPE_READ, Process::PIPE_WRITE);
var_dump(class_exists('swoole_process'), class_exists('swoole_process_pool'));
?>
--EXPECTF--
TypeError: Swoole\Process::__construct(): Argument #1 ($callback) must be a valid callback, function "not_callable" not found or invalid function name

Warning: Swoole\Process::write(): the data to send is empty in %s on line %d
bool(false)

Warning: Swoole\Process::read(): no pipe, cannot read from pipe in %s on line %d
bool(false)

Warning: Swoole\Process::write(): no pipe, cannot write into pipe in %s on line %d
bool(false)

Warning: Swoole\Process::setTimeout(): no pipe, cannot setTimeout the pipe in %s on line %d
bool(false)

Warning: Swoole\Process::setBlocking(): no pipe, cannot setBlocking the pipe in %s on line %d
bool(false)

Warning: Swoole\Process::close(): no pipe, cannot close the pipe in %s on line %d
bool(false)

Warning: Swoole\Process::exportSocket(): no pipe, cannot export stream in %s on line %d
bool(false)

Warning: Swoole\Process::push(): no msgqueue, cannot use push() in %s on line %d
bool(false)

Warning: Swoole\Process::pop(): no msgqueue, cannot use pop() in %s on line %d
bool(false)

Warning: Swoole\Process::statQueue(): no queue, can't get stats of the queue in %s on line %d
bool(false)
bool(false)

Warning: Swoole\Process::exit(): not current process in %s on line %d
bool(false)

Warning: Swoole\Process::exec(): exec file name is empty in %s on line %d
bool(false)

Warning: Swoole\Process::exec(): execv(echo) failed, Error: No such file or directory[2] in %s on line %d
bool(false)

Warning: Swoole\Process::start(): process has already been started in %s on line %d
bool(false)
bool(false)

Warning: Swoole\Process::kill(): kill(99999999, 15) failed, Error: No such process[3] in %s on line %d
bool(false)

Warning: Swoole\Process::signal(): invalid signal number [200] in %s on line %d
bool(false)

Warning: Swoole\Process::signal(): invalid signal number [-1] in %s on line %d
bool(false)

Warning: Swoole\Process::signal(): unable to find the callback of signal [10] in %s on line %d
bool(false)

Warning: Swoole\Process::signal(): function 'no_such_function' is not callable in %s on line %d
bool(false)
bool(false)

Warning: Swoole\Process::setAffinity(): More than the number of CPU in %s on line %d
bool(false)

Warning: Swoole\Process::setAffinity(): invalid cpu id [%d] in %s on line %d
bool(false)
bool(true)
int(256)
int(1)
int(2)
int(3)
int(4)
bool(true)
bool(true)
