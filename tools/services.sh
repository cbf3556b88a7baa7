# Starts and stops the real servers some tests talk to, on loopback, each on a
# port of its own with its data under build/services/. Sourced by tools/test.
# A label that needs a service lists it in services_for_label.

services_started=()

services_for_label() {
  case "$1" in
    all|redis) echo redis ;;
    *) ;;  # kernel, glue, sdk and the other modules need no service
  esac
}

# A free loopback port: the kernel picks one for a socket bound to port 0.
services_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# redis-server on 127.0.0.1, data under build/services/redis-<pid>, no
# persistence; SWOOLE_TEST_REDIS_PORT tells the tests where it is.
service_start_redis() {
  local root port dir i
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  command -v redis-server >/dev/null || { echo "services: redis-server is not installed" >&2; return 1; }
  for i in 1 2 3; do
    port=$(services_free_port) || return 1
    dir="$root/build/services/redis-$$"
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly no \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" || continue
    for _ in $(seq 1 100); do
      if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; then
        export SWOOLE_TEST_REDIS_PORT=$port
        services_redis_dir=$dir
        echo "services: redis-server on 127.0.0.1:$port" >&2
        return 0
      fi
      sleep 0.05
    done
    [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null
  done
  echo "services: redis-server did not start (see $dir/redis.log)" >&2
  return 1
}

service_stop_redis() {
  [ -n "${services_redis_dir:-}" ] || return 0
  local pid
  pid=$(cat "$services_redis_dir/redis.pid" 2>/dev/null)
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
  fi
  rm -rf "$services_redis_dir"
  unset SWOOLE_TEST_REDIS_PORT services_redis_dir
}

services_start() {
  local wanted=() label svc
  if [ $# -eq 0 ]; then set -- all; fi
  for label in "$@"; do
    for svc in $(services_for_label "$label"); do wanted+=("$svc"); done
  done
  for svc in $(printf '%s\n' "${wanted[@]}" | sort -u); do
    "service_start_$svc" || return 1
    services_started+=("$svc")
  done
}

services_stop() {
  local svc
  for svc in "${services_started[@]}"; do "service_stop_$svc" || true; done
  services_started=()
}
