#!/usr/bin/env bash
# How fast the agent image starts and how little it costs idle, each next to bare `docker run`s of the same image in
# the same run (docs/benchmarks.md, "A lean agent"):
#
#   bench/agent-start.sh [IMAGE] [ROUNDS] [AT_ONCE] [IDLE]      # defaults: steward/agent:dev 5 50 200
#
# 1. one at a time, ROUNDS times: `docker run -d` of the agent until its first check-in reaches a stand-in control
#    plane (adapters-docker/image/StandInControlPlane.java: the agent API's start-up calls, no database), and the CPU
#    time its container used until then (which a loaded machine changes far less than the wall time),
#    alternating with a bare `docker run --rm --entrypoint /bin/sh IMAGE -c :` of the same image (create, start, exit, remove);
# 2. AT_ONCE agents started at once until the last has checked in, next to AT_ONCE bare runs at once;
# 3. IDLE agents left idle: `docker stats` memory per agent and their CPU together, sampled over 30 s.
# Agents beat at the image's default (20 s since issue 14's idle lever; set STEWARD_HEARTBEAT_MS=5000 to measure as
# before). Every container has the runtime's limits (--cpus 0.5 --memory 256m --pids-limit 256) and host networking, so the
# stand-in is reached on 127.0.0.1; with NETWORK=bridge, the runtime's own network set-up instead (the default bridge,
# host.docker.internal mapped to its gateway, where the stand-in then listens, and --init): a network namespace and a
# veth pair per container, which cost the engine more than anything else in a start (bench/engine-floor.sh).
# CPUS (default 0.5, the runtime's) sets --cpus. Containers are labelled steward.bench=agent-start and removed at the end.
set -euo pipefail

image="${1:-steward/agent:dev}"
rounds="${2:-5}"
at_once="${3:-50}"
idle="${4:-200}"
here="$(cd "$(dirname "$0")" && pwd)"
java_home="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -V -r | head -1)}"
port=$((20000 + RANDOM % 20000))
work="$(mktemp -d)"
limits=(--cpus "${CPUS:-0.5}" --memory 256m --pids-limit 256 --label steward.bench=agent-start)
if [ "${NETWORK:-host}" = bridge ]; then
  listen="$(docker network inspect bridge -f '{{(index .IPAM.Config 0).Gateway}}')"
  url="http://host.docker.internal:$port"
  limits+=(--init --add-host host.docker.internal:host-gateway)
else
  listen=127.0.0.1
  url="http://127.0.0.1:$port"
  limits+=(--network host)
fi

cleanup() {
  docker ps -aq --filter label=steward.bench=agent-start | xargs -r docker rm -f >/dev/null 2>&1 || true
  [ -n "${stub:-}" ] && kill "$stub" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s%3N; }
load() { cut -d' ' -f1 /proc/loadavg; }

"$java_home/bin/java" "$here/../adapters-docker/image/StandInControlPlane.java" "$port" "$listen" > "$work/calls.log" &
stub=$!
until grep -q listening "$work/calls.log" 2>/dev/null; do sleep 0.2; done

agent() { # NAME: start an agent whose bootstrap token is stb_NAME
  docker run -d "${limits[@]}" -e "STEWARD_CONTROL_PLANE_URL=$url" -e "STEWARD_AGENT_TOKEN=stb_$1" \
    ${STEWARD_HEARTBEAT_MS:+-e STEWARD_HEARTBEAT_MS=$STEWARD_HEARTBEAT_MS} "$image" > "$work/id-$1"
}
cpu_ms() { # NAME: the CPU time its container has used so far (cgroup v1 cgroupfs, or v2 systemd), read on the host
  local id; id="$(cat "$work/id-$1")"
  if [ -f "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage" ]; then
    echo $(( $(cat "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage") / 1000000 ))
  else
    awk '/^usage_usec/ {print int($2 / 1000)}' "/sys/fs/cgroup/system.slice/docker-$id.scope/cpu.stat"
  fi
}
checked_in() { grep -m1 " CHECK-IN stw_$1\$" "$work/calls.log" | cut -d' ' -f1; }
wait_checked_in() { # NAME -> epoch ms of its first check-in
  local deadline=$(( $(now) + 120000 ))
  until [ -n "$(checked_in "$1")" ]; do
    [ "$(now)" -lt "$deadline" ] || { echo "agent $1 never checked in" >&2; return 1; }
    sleep 0.05
  done
  checked_in "$1"
}
bare() { docker run --rm "${limits[@]}" --entrypoint /bin/sh "$image" -c :; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

echo "image $image ($(docker image inspect "$image" --format '{{.Id}}' | cut -c8-19)), network ${NETWORK:-host}, load average $(load)"
bare; agent warmup; wait_checked_in warmup >/dev/null   # warm-up: image layers in the page cache

: > "$work/bare"; : > "$work/ours"; : > "$work/cpu"
for i in $(seq 1 "$rounds"); do
  t0=$(now); bare; echo $(( $(now) - t0 )) >> "$work/bare"
  t0=$(now); agent "one$i"; echo $(( $(wait_checked_in "one$i") - t0 )) >> "$work/ours"; cpu_ms "one$i" >> "$work/cpu"
done
b=$(median < "$work/bare"); o=$(median < "$work/ours")
echo "one agent: CPU until checked in $(paste -sd' ' "$work/cpu") ms (median $(median < "$work/cpu"); at --cpus 0.5 the start takes at least twice that)"
echo "one agent: bare docker run $(paste -sd' ' "$work/bare") ms (median $b), docker run -> checked in $(paste -sd' ' "$work/ours") ms (median $o), ratio $(awk "BEGIN {printf \"%.2f\", $o/$b}"), load average $(load)"
docker ps -aq --filter label=steward.bench=agent-start | xargs -r docker rm -f >/dev/null

[ "$at_once" -gt 0 ] || exit 0
busy_ms() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / {print int(($2 + $3 + $4 + $7 + $8) * 1000 / hz)}' /proc/stat; }
t0=$(now); c0=$(busy_ms)
pids=(); for i in $(seq 1 "$at_once"); do bare & pids+=($!); done; wait "${pids[@]}"
b=$(( $(now) - t0 )); bc=$(( $(busy_ms) - c0 ))
t0=$(now); c0=$(busy_ms)
pids=(); for i in $(seq 1 "$at_once"); do agent "many$i" & pids+=($!); done; wait "${pids[@]}"
last=0
for i in $(seq 1 "$at_once"); do t=$(wait_checked_in "many$i"); if [ "$t" -gt "$last" ]; then last=$t; fi; done
o=$(( last - t0 )); oc=$(( $(busy_ms) - c0 ))
echo "$at_once at once: bare $b ms, all checked in after $o ms, ratio $(awk "BEGIN {printf \"%.2f\", $o/$b}"), load average $(load)"
echo "$at_once at once: the machine's CPU meanwhile (/proc/stat; the engine, the agents, the stand-in, anything else):" \
  "bare $bc ms, agents $oc ms ($(( oc / at_once )) ms per agent)"
docker ps -aq --filter label=steward.bench=agent-start | xargs -r docker rm -f >/dev/null

[ "$idle" -gt 0 ] || exit 0
for i in $(seq 1 "$idle"); do agent "idle$i"; done
for i in $(seq 1 "$idle"); do wait_checked_in "idle$i" >/dev/null; done
sleep 20   # past the start: only heartbeats now
ids="$(docker ps -q --no-trunc --filter label=steward.bench=agent-start)"
cpu_ns() { # the CPU time of all IDLE containers, read on the host (cgroup v1 cgroupfs, or v2 systemd)
  local total=0 id
  for id in $ids; do
    if [ -f "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage" ]; then
      total=$(( total + $(cat "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage") ))
    else
      total=$(( total + $(awk '/^usage_usec/ {print $2 * 1000}' "/sys/fs/cgroup/system.slice/docker-$id.scope/cpu.stat") ))
    fi
  done
  echo "$total"
}
cpu0=$(cpu_ns); t0=$(now)
sleep 30
cpu1=$(cpu_ns)
elapsed=$(( $(now) - t0 ))
docker stats --no-stream --format '{{.MemUsage}}' $ids | awk '{v=$1; if (v ~ /GiB/) {sub("GiB","",v); v*=1024} else sub("MiB","",v); print v}' \
  | sort -n > "$work/mem"
echo "$idle idle agents: memory per agent (docker stats) median $(median < "$work/mem") MiB, max $(tail -1 "$work/mem") MiB;" \
  "CPU of all of them together $(awk "BEGIN {printf \"%.1f\", ($cpu1-$cpu0)/1e6/$elapsed*100}") % of one core" \
  "(cgroup CPU time over ${elapsed} ms), load average $(load)"
