# Starts and stops the real servers some tests talk to, on loopback, each on a
# port of its own with its data under build/services/. Sourced by tools/test.
# A label that needs a service lists it in services_for_label.

services_started=()

services_for_label() {
  case "$1" in
    *) ;;  # kernel, glue, sdk and the current modules need no service
  esac
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
