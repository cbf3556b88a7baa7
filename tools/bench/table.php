<?php
// Swoole\Table against APCu: each operation is one set of a 3-column row
// (int, float, 32-byte string) followed by one get of a row, over KEYS keys,
// first in one process, then in two processes at once (ops/s summed). Run
// through tools/bench/table. Figures are printed, never asserted.

const KEYS = 10000;
const OPS = 1000000;        // per process
const WORKERS = 2;

// Keys and rows are made before timing: only the two stores' work differs.
$KEYS = $ROWS = [];
for ($i = 0; $i < KEYS; $i++) {
    $KEYS[] = 'key:' . ($i * 7919 % KEYS);
    $ROWS[] = ['id' => $i, 'score' => $i * 0.5, 'name' => str_pad((string)$i, 32, 'x')];
}

function table_loop(Swoole\Table $t, int $ops, int $seed): void {
    global $KEYS, $ROWS;
    for ($i = 0, $j = $seed; $i < $ops; $i++, $j = ($j + 1) % KEYS) {
        $t->set($KEYS[$j], $ROWS[$j]);
        $t->get($KEYS[$j]);
    }
}

function apcu_loop(int $ops, int $seed): void {
    global $KEYS, $ROWS;
    for ($i = 0, $j = $seed; $i < $ops; $i++, $j = ($j + 1) % KEYS) {
        apcu_store($KEYS[$j], $ROWS[$j]);
        apcu_fetch($KEYS[$j]);
    }
}

// Reads exactly $n bytes.
function read_exactly($stream, int $n): string {
    $data = '';
    while (strlen($data) < $n && !feof($stream)) $data .= fread($stream, $n - strlen($data));
    return $data;
}

// Runs $fn($seed) in $n processes at once; returns total ops per second.
function in_processes(int $n, callable $fn): float {
    [$go_r, $go_w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    [$res_r, $res_w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    $pids = [];
    for ($p = 0; $p < $n; $p++) {
        $pid = pcntl_fork();
        if ($pid === 0) {
            fread($go_r, 1);   // start together
            $t = hrtime(true);
            $fn($p);
            $seconds = (hrtime(true) - $t) / 1e9;
            fwrite($res_w, pack('e', OPS / $seconds));
            exit(0);
        }
        $pids[] = $pid;
    }
    fwrite($go_w, str_repeat('g', $n));
    $total = 0.0;
    for ($p = 0; $p < $n; $p++) $total += unpack('e', read_exactly($res_r, 8))[1];
    foreach ($pids as $pid) pcntl_waitpid($pid, $status);
    return $total;
}

if (!function_exists('apcu_store') || !apcu_enabled()) {
    fwrite(STDERR, "APCu is not available (php8.2-apcu, apc.enable_cli=1)\n");
    exit(1);
}

$t = new Swoole\Table(KEYS * 2);
$t->column('id', Swoole\Table::TYPE_INT);
$t->column('score', Swoole\Table::TYPE_FLOAT);
$t->column('name', Swoole\Table::TYPE_STRING, 32);
$t->create();
table_loop($t, KEYS, 0);   // fill both stores first
apcu_loop(KEYS, 0);

$rows = [];
foreach ([1, WORKERS] as $n) {
    $table = in_processes($n, fn($seed) => table_loop($t, OPS, $seed * 5000));
    $apcu = in_processes($n, fn($seed) => apcu_loop(OPS, $seed * 5000));
    $rows[] = ["set+get / s, $n process" . ($n > 1 ? 'es' : ''), $table, $apcu];
}

printf("%-28s %14s %14s %8s\n", '', 'Swoole\Table', 'APCu', 'ratio');
foreach ($rows as [$name, $table, $apcu]) {
    printf("%-28s %14s %14s %7.2fx\n", $name, number_format($table), number_format($apcu), $table / $apcu);
}
