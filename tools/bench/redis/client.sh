#!/usr/bin/env bash
# Coroutine\Redis against redis-server beside redis-benchmark with the same
# totals and concurrency: 100 connections (coroutines), 100000 SETs then
# 100000 GETs, 3-byte values, no pipelining. Prints requests/s of both and
# ours/redis-benchmark per command (target >= 1.0). Figures are printed,
# never asserted. Builds first (tools/build); SWOOLE_BUILD_DIR=dir uses that
# build as it is. REQUESTS=n CLIENTS=n change the totals.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
if [ -z "${SWOOLE_BUILD_DIR:-}" ]; then
  SWOOLE_BUILD_DIR=$("$root/tools/build" | tail -n 1)
  export SWOOLE_BUILD_DIR
fi
requests=${REQUESTS:-100000}
clients=${CLIENTS:-100}
command -v redis-benchmark >/dev/null || { echo "tools/bench/redis/client.sh: redis-benchmark is not installed" >&2; exit 1; }

source "$root/tools/services.sh"
trap services_stop EXIT
services_start redis >/dev/null
port=$SWOOLE_TEST_REDIS_PORT

ours=$("$root/tools/php" -d opcache.enable_cli=0 -d swoole.modules=redis "$root/tools/bench/redis/client.php" "$port" "$clients" "$requests")
theirs=$(redis-benchmark -h 127.0.0.1 -p "$port" -c "$clients" -n "$requests" -t set,get --csv | tr -d '"')

echo "Coroutine\\Redis vs redis-benchmark: $clients connections, $requests requests per command"
printf '%-4s %14s %16s %8s\n' cmd "ours (req/s)" "bench (req/s)" ratio
for cmd in SET GET; do
  o=$(awk -v c="$cmd" '$1 == c {print $2}' <<<"$ours")
  t=$(awk -F, -v c="$cmd" '$1 == c {printf "%.0f", $2}' <<<"$theirs")
  printf '%-4s %14s %16s %8s\n' "$cmd" "$o" "$t" "$(awk -v o="$o" -v t="$t" 'BEGIN {printf "%.2fx", o / t}')"
done
