#!/usr/bin/env bash
# Swoole\Redis\Server against redis-server itself, with the same load:
# redis-benchmark (-c 50, pipelining off) runs PING_INLINE, PING_MBULK, GET
# and SET against examples/redis_server.php (BASE mode, worker_num 1, the
# Swoole\Table-backed example) and against a private redis-server (no
# persistence), alternating, ROUNDS times. Prints for each test the best rate
# of each server, the ratio (target >= 0.9x) and the server CPU time per
# request (utime+stime of the server's processes from /proc/<pid>/stat
# before/after, summed over the rounds) with its ratio (target <= 1.0x).
# Figures are printed, never asserted.
#
# usage: tools/bench/redis/server.sh [REQUESTS] [ROUNDS]   (default 100000 3)
# Uses SWOOLE_BUILD_DIR like tools/php (default build/).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
requests=${1:-100000}
rounds=${2:-3}
clients=50
tests=(ping_inline ping_mbulk get set)
for tool in redis-server redis-benchmark redis-cli; do
  command -v "$tool" >/dev/null || { echo "tools/bench/redis/server.sh: $tool is missing" >&2; exit 1; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];'; }

wait_ready() {  # port
  for _ in $(seq 1 200); do
    [ "$(redis-cli -h 127.0.0.1 -p "$1" PING 2>/dev/null)" = PONG ] && return 0
    sleep 0.05
  done
  echo "tools/bench/redis/server.sh: nothing answers PING on port $1" >&2
  return 1
}

# CPU ticks used so far by a process and its descendants.
cpu_ticks() {
  local total=0 p
  [ -r "/proc/$1/stat" ] && total=$(sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}')
  # Fields after the ")" of the command name: utime is the 12th, stime the 13th.
  for p in $(pgrep -P "$1" 2>/dev/null || true); do
    total=$(( total + $(cpu_ticks "$p") ))
  done
  echo "$total"
}

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" \
  --daemonize no --logfile "$work/redis.log" &
pids+=($!)
redis_pid=$!

swoole_port=$(free_port)
"$root/tools/php" "$root/examples/redis_server.php" "$swoole_port" base 1 >"$work/swoole.log" 2>&1 &
pids+=($!)
swoole_pid=$!   # tools/php execs php: this is the server's master
wait_ready "$redis_port"
wait_ready "$swoole_port"

hz=$(getconf CLK_TCK)
declare -A best cpu done_reqs
for ((round = 1; round <= rounds; round++)); do
  for t in "${tests[@]}"; do
    for who in redis swoole; do
      if [ "$who" = redis ]; then port=$redis_port pid=$redis_pid; else port=$swoole_port pid=$swoole_pid; fi
      before=$(cpu_ticks "$pid")
      line=$(redis-benchmark -h 127.0.0.1 -p "$port" -c "$clients" -n "$requests" -t "$t" --csv 2>/dev/null | tail -n 1)
      after=$(cpu_ticks "$pid")
      # "PING_INLINE","123456.79",...
      rps=$(echo "$line" | awk -F'"' '{print $4}')
      [ -n "$rps" ] || { echo "tools/bench/redis/server.sh: no result for $t against $who: $line" >&2; exit 1; }
      key=$t.$who
      if [ -z "${best[$key]:-}" ] || awk "BEGIN{exit !($rps > ${best[$key]})}"; then best[$key]=$rps; fi
      cpu[$key]=$(( ${cpu[$key]:-0} + after - before ))
      done_reqs[$key]=$(( ${done_reqs[$key]:-0} + requests ))
    done
  done
done

printf '%-12s %14s %14s %7s   %12s %12s %7s\n' test redis-server Redis\\Server ratio 'cpu us/req' 'cpu us/req' ratio
printf '%-12s %14s %14s %7s   %12s %12s %7s\n' '' '(req/s)' '(req/s)' '' redis-server Redis\\Server ''
for t in "${tests[@]}"; do
  r=${best[$t.redis]} s=${best[$t.swoole]}
  rc=$(awk "BEGIN{printf \"%.3f\", ${cpu[$t.redis]} * 1e6 / $hz / ${done_reqs[$t.redis]}}")
  sc=$(awk "BEGIN{printf \"%.3f\", ${cpu[$t.swoole]} * 1e6 / $hz / ${done_reqs[$t.swoole]}}")
  cr=$(awk "BEGIN{ if ($rc > 0) printf \"%.2fx\", $sc / $rc; else print \"n/a\" }")
  printf '%-12s %14.0f %14.0f %6.2fx   %12s %12s %7s\n' "${t^^}" "$r" "$s" "$(awk "BEGIN{print $s / $r}")" "$rc" "$sc" "$cr"
done
echo "($requests requests x $rounds rounds per test, $clients clients; best rate, CPU summed over rounds)"
