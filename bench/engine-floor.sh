#!/usr/bin/env bash
# What the Docker engine alone costs to start N containers at once, with nothing running in them, for each of the
# settings the runtime could choose (docs/benchmarks.md, "Where 50 starts at once go"):
#
#   bench/engine-floor.sh [IMAGE] [AT_ONCE] [VARIANT...]     # defaults: steward/agent:dev 50, every variant
#   AT_A_TIME=12 bench/engine-floor.sh steward/agent:dev 50 runtime   # the same 50, at most 12 in flight (as the reconciler)
#
# Each variant starts AT_ONCE containers of IMAGE at once through the Engine API on the local socket (curl, as the
# runtime's docker-java client does: create, then start), each running `busybox sleep`, and reports the wall time until
# the last start returned and the CPU the whole machine spent meanwhile (/proc/stat; on a quiet machine that is the
# engine: dockerd, containerd, the shims, runc); then it removes them and reports that too (not part of an agent's
# start, but part of a bare `docker run --rm`). `cli` is the bare side of bench/agent-start.sh for comparison:
# AT_ONCE `docker run --rm IMAGE sh -c :` (CLI start, create, start, exit, remove). The runtime's container settings
# (DockerAgentRuntime.create) are the `runtime` variant; each other variant changes one thing:
#   runtime    bridge network + host.docker.internal, --init, --cpus 0.5, 256m, pids 256, json-file log, no health check
#   health     with the exec health check every 5 s (the runtime's default until issue 14)
#   local / nolog   log driver `local` / `none`                   host     host network (no namespace, no veth)
#   noinit     without --init                                     nolimits without CPU/memory/pids limits
#   nonet      network none (a namespace with loopback only)     shared   every container in one network namespace
#   lean       host network and the `local` log driver
#   split      the runtime's settings, but all AT_ONCE created first, then all started (instead of each create+start)
# Containers are labelled steward.bench=engine-floor and removed at the end.
set -euo pipefail

image="${1:-steward/agent:dev}"
at_once="${2:-50}"
shift $(( $# < 2 ? $# : 2 ))
variants=("$@")
[ "${#variants[@]}" -gt 0 ] || variants=(cli runtime health local nolog host noinit nolimits nonet shared lean)
socket=/var/run/docker.sock
api="http://localhost/v1.41"
health='test -f /tmp/steward-heartbeat && test $(( $(date +%s) - $(stat -c %Y /tmp/steward-heartbeat) )) -lt 30'

work="$(mktemp)"
cleanup() { rm -f "$work"; [ -n "${shared:-}" ] && docker rm -f "$shared" >/dev/null 2>&1; docker ps -aq --filter label=steward.bench=engine-floor | xargs -r docker rm -f >/dev/null 2>&1 || true; }
trap cleanup EXIT

now() { date +%s%3N; }
load() { cut -d' ' -f1 /proc/loadavg; }
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }   # user nice system irq softirq
ticks_per_s=$(getconf CLK_TCK)

body() { # VARIANT -> the create request's JSON
  local network=default hosts='["host.docker.internal:host-gateway"]' init=true log=json-file check=false limits=true
  case "$1" in
    runtime | split) ;;
    health) check=true ;;
    local) log=local ;;
    nolog) log=none ;;
    host) network=host; hosts='[]' ;;
    noinit) init=false ;;
    nolimits) limits=false ;;
    lean) network=host; hosts='[]'; log=local ;;
    nonet) network=none; hosts='[]' ;;
    shared) network="container:$shared"; hosts='[]' ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
  jq -n --arg image "$image" --arg network "$network" --argjson hosts "$hosts" --argjson init "$init" \
    --arg log "$log" --argjson check "$check" --argjson limits "$limits" --arg health "$health" '{
      Image: $image, Entrypoint: ["/bin/busybox", "sleep", "600"], Labels: {"steward.bench": "engine-floor"},
      HostConfig: ({NetworkMode: $network, ExtraHosts: $hosts, Init: $init, LogConfig: {Type: $log, Config: {}}}
        + (if $limits then {NanoCpus: 500000000, Memory: 268435456, MemorySwap: 268435456, PidsLimit: 256} else {} end))
    } + (if $check then {Healthcheck: {Test: ["CMD-SHELL", $health], Interval: 5000000000, Timeout: 5000000000,
      Retries: 3, StartPeriod: 30000000000}} else {} end)'
}

create_and_start() { # JSON
  local id
  id="$(curl -sf --unix-socket "$socket" -H 'Content-Type: application/json' -d "$1" "$api/containers/create" | jq -r .Id)"
  curl -sf --unix-socket "$socket" -X POST "$api/containers/$id/start" >/dev/null
}

echo "image $image ($(docker image inspect "$image" --format '{{.Id}}' | cut -c8-19)), $at_once at once (${AT_A_TIME:-all} in flight)," \
  "docker $(docker version --format '{{.Server.Version}}'), load average $(load)"
docker run --rm --entrypoint /bin/busybox "$image" true   # warm-up
shared="$(docker run -d --entrypoint /bin/busybox "$image" sleep 3600)"   # the namespace of the `shared` variant
for variant in "${variants[@]}"; do
  sleep 2
  l0=$(load); c0=$(busy_ticks); t0=$(now)
  pids=(); created=
  if [ "$variant" = split ]; then
    json="$(body "$variant")"
    for _ in $(seq 1 "$at_once"); do
      curl -sf --unix-socket "$socket" -H 'Content-Type: application/json' -d "$json" "$api/containers/create" \
        | jq -r .Id >> "$work" & pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
    pids=(); created=$(( $(now) - t0 ))
    while read -r id; do curl -sf --unix-socket "$socket" -X POST "$api/containers/$id/start" >/dev/null & pids+=($!); done < "$work"
    : > "$work"
  elif [ "$variant" = cli ]; then
    for _ in $(seq 1 "$at_once"); do
      docker run --rm --init --cpus 0.5 --memory 256m --pids-limit 256 --label steward.bench=engine-floor \
        --entrypoint /bin/sh "$image" -c : & pids+=($!)
    done
  else
    json="$(body "$variant")"
    for i in $(seq 1 "$at_once"); do
      if [ "$i" -gt "${AT_A_TIME:-$at_once}" ]; then wait -n || true; fi
      create_and_start "$json" & pids+=($!)
    done
  fi
  failed=0; for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || failed=$((failed + 1)); done
  took=$(( $(now) - t0 )); cpu=$(( ($(busy_ticks) - c0) * 1000 / ticks_per_s ))
  running=$(docker ps -q --filter label=steward.bench=engine-floor | wc -l)
  c0=$(busy_ticks); t0=$(now)
  docker ps -aq --filter label=steward.bench=engine-floor | xargs -r docker rm -f >/dev/null
  removed=$(( $(now) - t0 )); rcpu=$(( ($(busy_ticks) - c0) * 1000 / ticks_per_s ))
  printf '%-9s all started after %6d ms%s, machine CPU %6d ms (%3d ms each), %2d running, %d failed;' \
    "$variant" "$took" "${created:+ (all created after $created ms)}" "$cpu" $(( cpu / at_once )) "$running" "$failed"
  printf ' removing them %5d ms, CPU %5d ms; load average %s -> %s\n' "$removed" "$rcpu" "$l0" "$(load)"
done
