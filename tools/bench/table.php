<?php
// Swoole\Table against APCu doing the same work: a 3-column row (int, float,
// 32-byte string) per key over KEYS keys, with set()+get() per iteration, get()
// only and set() only, in one process and in two processes at once (ops/s
// summed) either on disjoint key halves or both on the same keys at the same
// time (contention on the same rows), and get() only by two processes on the
// same keys. Run through tools/bench/table.
//
// The machine is shared, so each case runs ROUNDS rounds alternating the two
// stores (Table first in even rounds, APCu first in odd ones); the table shows
// each side's best round and the ratio of the bests, and the spread column the
// lowest and highest ratio of a single round; "per CPU-s" is the ratio of the
// best ops per CPU-second (user + system time of the workers), which a loaded
// machine disturbs less than wall-clock time. Figures are printed, never asserted.

const KEYS = 10000;
const OPS = 300000;         // per process and round
const ROUNDS = 5;

// Keys and rows are made before timing: only the two stores' work differs.
$KEYS = $ROWS = [];
for ($i = 0; $i < KEYS; $i++) {
    $KEYS[] = 'key:' . ($i * 7919 % KEYS);
    $ROWS[] = ['id' => $i, 'score' => $i * 0.5, 'name' => str_pad((string)$i, 32, 'x')];
}

// The loops: OPS iterations over the keys [$lo, $lo + $n), wrapping around.
function table_set_get(Swoole\Table $t, int $lo, int $n): void {
    global $KEYS, $ROWS;
    for ($i = 0, $j = 0; $i < OPS; $i++, $j = ($j + 1) % $n) {
        $t->set($KEYS[$lo + $j], $ROWS[$lo + $j]);
        $t->get($KEYS[$lo + $j]);
    }
}
function apcu_set_get(int $lo, int $n): void {
    global $KEYS, $ROWS;
    for ($i = 0, $j = 0; $i < OPS; $i++, $j = ($j + 1) % $n) {
        apcu_store($KEYS[$lo + $j], $ROWS[$lo + $j]);
        apcu_fetch($KEYS[$lo + $j]);
    }
}
function table_get(Swoole\Table $t, int $lo, int $n): void {
    global $KEYS;
    for ($i = 0, $j = 0; $i < OPS; $i++, $j = ($j + 1) % $n) {
        $t->get($KEYS[$lo + $j]);
    }
}
function apcu_get(int $lo, int $n): void {
    global $KEYS;
    for ($i = 0, $j = 0; $i < OPS; $i++, $j = ($j + 1) % $n) {
        apcu_fetch($KEYS[$lo + $j]);
    }
}
function table_set(Swoole\Table $t, int $lo, int $n): void {
    global $KEYS, $ROWS;
    for ($i = 0, $j = 0; $i < OPS; $i++, $j = ($j + 1) % $n) {
        $t->set($KEYS[$lo + $j], $ROWS[$lo + $j]);
    }
}
function apcu_set(int $lo, int $n): void {
    global $KEYS, $ROWS;
    for ($i = 0, $j = 0; $i < OPS; $i++, $j = ($j + 1) % $n) {
        apcu_store($KEYS[$lo + $j], $ROWS[$lo + $j]);
    }
}

// Reads exactly $n bytes.
function read_exactly($stream, int $n): string {
    $data = '';
    while (strlen($data) < $n && !feof($stream)) $data .= fread($stream, $n - strlen($data));
    return $data;
}

// CPU seconds (user + system) this process used so far.
function cpu_seconds(): float {
    $u = getrusage();
    return $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6 + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6;
}

// Runs $fn($p) in $n processes at once (p = 0..n-1); returns [total ops per
// wall-clock second, total ops per CPU second].
function in_processes(int $n, callable $fn): array {
    [$go_r, $go_w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    [$res_r, $res_w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    $pids = [];
    for ($p = 0; $p < $n; $p++) {
        $pid = pcntl_fork();
        if ($pid === 0) {
            // Start together. Unbuffered, so that this read takes one byte and
            // leaves the others' bytes in the socket (a buffered read could take
            // them all and leave a sibling waiting for good).
            stream_set_read_buffer($go_r, 0);
            fread($go_r, 1);
            $t = hrtime(true);
            $cpu = cpu_seconds();
            $fn($p);
            $seconds = (hrtime(true) - $t) / 1e9;
            $cpu = cpu_seconds() - $cpu;
            fwrite($res_w, pack('ee', OPS / $seconds, OPS / max($cpu, 1e-6)));
            exit(0);
        }
        $pids[] = $pid;
    }
    fwrite($go_w, str_repeat('g', $n));
    $wall = $cpu = 0.0;
    for ($p = 0; $p < $n; $p++) {
        [, $w, $c] = unpack('e2', read_exactly($res_r, 16));
        $wall += $w;
        $cpu += $c;
    }
    foreach ($pids as $pid) pcntl_waitpid($pid, $status);
    return [$wall, $cpu];
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
table_set($t, 0, KEYS);   // fill both stores first
apcu_set(0, KEYS);

$half = intdiv(KEYS, 2);
// name, processes, Table loop, APCu loop, key range of process $p: [lo, lo + n)
$cases = [
    ['set+get, 1 process', 1, 'table_set_get', 'apcu_set_get', fn($p) => [0, KEYS]],
    ['get, 1 process', 1, 'table_get', 'apcu_get', fn($p) => [0, KEYS]],
    ['set, 1 process', 1, 'table_set', 'apcu_set', fn($p) => [0, KEYS]],
    ['set+get, 2 proc, own keys', 2, 'table_set_get', 'apcu_set_get', fn($p) => [$p * $half, $half]],
    ['set+get, 2 proc, same keys', 2, 'table_set_get', 'apcu_set_get', fn($p) => [0, KEYS]],
    ['get, 2 proc, same keys', 2, 'table_get', 'apcu_get', fn($p) => [0, KEYS]],
];
if (isset($argv[1])) $cases = array_values(array_filter($cases, fn($c) => str_contains($c[0], $argv[1])));

printf("%-28s %14s %14s %8s  %-9s  %s\n", '(ops/s, best of ' . ROUNDS . ')', 'Swoole\\Table', 'APCu', 'ratio', 'spread',
       'per CPU-s');
$results = [];
foreach ($cases as [$name, $n, $table_fn, $apcu_fn, $range]) {
    $run_table = fn() => in_processes($n, function ($p) use ($t, $table_fn, $range) {
        [$lo, $count] = $range($p);
        $table_fn($t, $lo, $count);
    });
    $run_apcu = fn() => in_processes($n, function ($p) use ($apcu_fn, $range) {
        [$lo, $count] = $range($p);
        $apcu_fn($lo, $count);
    });
    $best = ['table' => [0.0, 0.0], 'apcu' => [0.0, 0.0]];
    $ratios = [];
    for ($r = 0; $r < ROUNDS; $r++) {
        if ($r % 2 === 0) {
            $a = $run_table();
            $b = $run_apcu();
        } else {
            $b = $run_apcu();
            $a = $run_table();
        }
        $best['table'] = [max($best['table'][0], $a[0]), max($best['table'][1], $a[1])];
        $best['apcu'] = [max($best['apcu'][0], $b[0]), max($best['apcu'][1], $b[1])];
        $ratios[] = $a[0] / $b[0];
    }
    printf("%-28s %14s %14s %7.2fx  %.2f-%.2f  %.2fx\n", $name, number_format($best['table'][0]),
           number_format($best['apcu'][0]), $best['table'][0] / $best['apcu'][0], min($ratios), max($ratios),
           $best['table'][1] / $best['apcu'][1]);
    $results[$name] = $best;
}

// How each store scales from one process to two (best ops/s of the two-process
// case over the one-process one): with two idle cores an ideal store doubles;
// a store that serialises every operation stays at or below 1.
$one = $results['set+get, 1 process'] ?? null;
foreach (['set+get, 2 proc, own keys', 'set+get, 2 proc, same keys'] as $name) {
    if (!$one || !isset($results[$name])) continue;
    $two = $results[$name];
    printf("%-28s %13.2fx %13.2fx   (2 processes / 1, wall; per CPU-s %.2fx / %.2fx)\n", "scaling, " . substr($name, 9),
           $two['table'][0] / $one['table'][0], $two['apcu'][0] / $one['apcu'][0],
           $two['table'][1] / $one['table'][1], $two['apcu'][1] / $one['apcu'][1]);
}
