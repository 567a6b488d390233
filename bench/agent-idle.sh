#!/usr/bin/env bash
# What idle agents cost over time, and what the runtime's health check adds (docs/benchmarks.md, "A lean agent"):
#
#   bench/agent-idle.sh [IMAGE] [AGENTS] [WINDOW_START_SECONDS...]     # defaults: steward/agent:dev 200 20 180 420
#   HEALTH_INTERVAL=5s bench/agent-idle.sh steward/agent:dev 50 40     # with the runtime's default health check
#
# Starts AGENTS agents against a stand-in control plane (adapters-docker/image/StandInControlPlane.java), each with the
# runtime's limits (--cpus 0.5 --memory 256m --pids-limit 256 --init) and host networking, waits until every one has
# checked in, then for each WINDOW_START_SECONDS (counted from the last check-in) measures 60 s: the CPU time of the
# agents' containers (cgroup), of their containerd shims (which reap the `runc exec` of every health check), and of
# dockerd + containerd (shared with anything else the engine does), plus `docker stats` memory per agent. CPU time
# changes far less with the machine's load than wall time does. HEALTH_INTERVAL (e.g. 5s, 30s; default none) gives every
# container the runtime's default health check (adapters-docker DockerSettings.DEFAULT_HEALTH_COMMAND) at that interval;
# STEWARD_HEARTBEAT_MS, when set, is passed to the agents (default: the image's, 20 s). Needs cgroup v1 (cgroupfs), as
# bench/agent-start.sh. Containers are labelled steward.bench=agent-idle and removed at the end.
#
#   AS_RUNTIME=1 bench/agent-idle.sh steward/agent:dev 50 40                                   # as the runtime creates them
#   AS_RUNTIME=1 STEWARD_AGENT_HEALTH_INTERVAL_MS=5000 bench/agent-idle.sh steward/agent:dev 50 40   # the old default
#
# AS_RUNTIME=1 has the Docker runtime itself create the agents (bench/RuntimeAgents.java calls DockerAgentRuntime.ensure
# on bootstrap/target/steward.jar, so build that first), with every setting it gives a container: bridge network and
# host.docker.internal, limits, restart policy, init, labels, environment, and the engine health check the control
# plane's environment asks for (STEWARD_AGENT_HEALTH_INTERVAL_MS; none by default). The stand-in control plane then
# listens on the bridge's gateway. Its containers carry steward.installation=bench-agent-idle instead of the label above.
set -euo pipefail

image="${1:-steward/agent:dev}"
agents="${2:-200}"
shift $(( $# < 2 ? $# : 2 ))
windows=("$@")
[ "${#windows[@]}" -gt 0 ] || windows=(20 180 420)
here="$(cd "$(dirname "$0")" && pwd)"
java_home="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -V -r | head -1)}"
port=$((20000 + RANDOM % 20000))
work="$(mktemp -d)"
health='test -f /tmp/steward-heartbeat && test $(( $(date +%s) - $(stat -c %Y /tmp/steward-heartbeat) )) -lt 30'
options=(--network host --cpus 0.5 --memory 256m --pids-limit 256 --init --label steward.bench=agent-idle)
selector=label=steward.bench=agent-idle
listen=127.0.0.1
if [ -n "${AS_RUNTIME:-}" ]; then
  selector=label=steward.installation=bench-agent-idle
  listen="$(docker network inspect bridge -f '{{(index .IPAM.Config 0).Gateway}}')"
  jar="$here/../bootstrap/target/steward.jar"
  [ -f "$jar" ] || { echo "AS_RUNTIME=1 needs $jar: ./mvnw -pl bootstrap -am package -DskipTests -DskipITs" >&2; exit 1; }
fi
if [ -n "${HEALTH_INTERVAL:-}" ]; then
  options+=(--health-cmd "$health" --health-interval "$HEALTH_INTERVAL" --health-timeout 5s --health-retries 3
    --health-start-period 30s)
fi

cleanup() {
  docker ps -aq --filter "$selector" | xargs -r docker rm -f >/dev/null 2>&1 || true
  [ -n "${stub:-}" ] && kill "$stub" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
load() { cut -d' ' -f1 /proc/loadavg; }

"$java_home/bin/java" "$here/../adapters-docker/image/StandInControlPlane.java" "$port" "$listen" > "$work/calls.log" &
stub=$!
until grep -q listening "$work/calls.log" 2>/dev/null; do sleep 0.2; done

if [ -n "${AS_RUNTIME:-}" ]; then
  "$java_home/bin/java" -cp "$jar" "$here/RuntimeAgents.java" "$agents" "$image" "http://host.docker.internal:$port" \
    bench-agent-idle
  until [ "$(awk '$2 == "CHECK-IN" {print $3}' "$work/calls.log" | sort -u | wc -l)" -ge "$agents" ]; do sleep 0.2; done
  checks="the runtime's (STEWARD_AGENT_HEALTH_INTERVAL_MS=${STEWARD_AGENT_HEALTH_INTERVAL_MS:-0})"
else
  for i in $(seq 1 "$agents"); do
    docker run -d "${options[@]}" -e "STEWARD_CONTROL_PLANE_URL=http://127.0.0.1:$port" -e "STEWARD_AGENT_TOKEN=stb_idle$i" \
      ${STEWARD_HEARTBEAT_MS:+-e STEWARD_HEARTBEAT_MS=$STEWARD_HEARTBEAT_MS} "$image" >/dev/null
  done
  for i in $(seq 1 "$agents"); do
    until grep -q " CHECK-IN stw_idle$i\$" "$work/calls.log"; do sleep 0.2; done
  done
  checks="${HEALTH_INTERVAL:-none}"
fi
last=$(date +%s)
echo "image $image, $agents agents, health check $checks, heartbeat ${STEWARD_HEARTBEAT_MS:-the image default}:" \
  "all checked in at $(date +%T), load average $(load)"

ids="$(docker ps -q --no-trunc --filter "$selector")"
shims=""
for id in $ids; do shims="$shims $(pgrep -f "containerd-shim-runc-v2 .*-id $id" || true)"; done
ticks() { # utime + stime + cutime + cstime of the given /proc/PID/stat files, in clock ticks
  awk '{t += $14 + $15 + $16 + $17} END {print t + 0}' "$@" 2>/dev/null || echo 0
}
containers_ns() {
  local total=0 id
  for id in $ids; do total=$(( total + $(cat "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage") )); done
  echo "$total"
}
shims_ticks() { local files="" p; for p in $shims; do files="$files /proc/$p/stat"; done; ticks $files; }
engine_ticks() { ticks "/proc/$(pgrep -x dockerd)/stat" "/proc/$(pgrep -x containerd)/stat"; }
hz=$(getconf CLK_TCK)
percent() { awk "BEGIN {printf \"%.2f\", $1}"; }  # EXPRESSION

for start in "${windows[@]}"; do
  now=$(date +%s)
  [ $(( last + start )) -le "$now" ] || sleep $(( last + start - now ))
  c0=$(containers_ns); s0=$(shims_ticks); e0=$(engine_ticks); t0=$(date +%s%3N); n0=$(grep -c ' CHECK-IN ' "$work/calls.log")
  sleep 60
  c1=$(containers_ns); s1=$(shims_ticks); e1=$(engine_ticks); t1=$(date +%s%3N); n1=$(grep -c ' CHECK-IN ' "$work/calls.log")
  ms=$(( t1 - t0 ))
  docker stats --no-stream --format '{{.MemUsage}}' $ids | awk '{v=$1; sub("MiB","",v); print v}' | sort -n > "$work/mem"
  agents_pct=$(percent "($c1 - $c0) / 1e6 / $ms * 100")
  each_pct=$(awk -v t="$agents_pct" -v n="$agents" 'BEGIN {printf "%.4f", t / n}')
  shims_pct=$(percent "($s1 - $s0) * 1000 / $hz / $ms * 100")
  engine_pct=$(percent "($e1 - $e0) * 1000 / $hz / $ms * 100")
  median=$(awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}' "$work/mem")
  echo "from $start s: agents $agents_pct % of a core ($each_pct % each), their shims $shims_pct %," \
    "dockerd+containerd $engine_pct %; $(( n1 - n0 )) check-ins; memory median $median MiB, max $(tail -1 "$work/mem") MiB; load average $(load)"
done
echo "requests: $(grep -c ' CHECK-IN ' "$work/calls.log") check-ins, $(grep -c 'POST /agent/v1/work/take' "$work/calls.log") takes," \
  "$(grep -c 'GET /agent/v1/configuration' "$work/calls.log") configuration fetches"
