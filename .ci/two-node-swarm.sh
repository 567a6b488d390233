#!/usr/bin/env bash
# A two-node swarm on one machine, for the multi-node Swarm ITs: the machine's engine (a swarm manager, started by
# .ci/install-docker.sh) plus a second Docker engine in its own network namespace -- its own data root, exec root and
# socket -- joined to it as a worker, and a registry (Debian's docker-registry package) that both nodes pull from.
#
#   .ci/two-node-swarm.sh prepare  # idempotent: packages, registry, namespace and forwards; joins nothing (.ci/run)
#   .ci/two-node-swarm.sh up     # idempotent; prints WORKER_NODE=<id> REGISTRY=<host:port> WORKER_DOCKER_HOST=<url>
#   .ci/two-node-swarm.sh down   # the worker leaves, is removed from the swarm, and its engine stops
#   .ci/two-node-swarm.sh env    # prints the same lines as `up` without changing anything (empty WORKER_NODE if down)
#
# Run as root on Debian. The worker only stays joined while tests use it (they call up/down around themselves): a
# joined worker receives tasks of any service without constraints. Several users may overlap (`up` counts them and
# `down` tears the worker down when the last one leaves).
#
# Addresses: the worker namespace is linked to the machine by a veth pair, 10.216.0.1 (machine) - 10.216.0.2
# (worker). The manager advertises 127.0.0.1 and the registry listens on 127.0.0.1, so inside the namespace socat
# forwards 127.0.0.1:2377 and 127.0.0.1:$REGISTRY_PORT to the machine: one image name (127.0.0.1:PORT/...) is valid
# on both nodes, and the engines need no insecure-registry setting (loopback registries are trusted as plain HTTP).
# Agent containers on either node reach a control plane listening on 10.216.0.1.
set -euo pipefail

NS=steward-w16
HOST_IF=sw16h
WORKER_IF=sw16w
HOST_IP=10.216.0.1
WORKER_IP=10.216.0.2
REGISTRY_PORT="${STEWARD_IT_REGISTRY_PORT:-5016}"
AUTH_PORT=$((REGISTRY_PORT + 1)) # a second registry that wants a user and password (htpasswd)
AUTH_USER=steward-puller
STATE=/var/lib/steward-two-node
RUN=/run/steward-two-node
WORKER_SOCK="$RUN/docker.sock"
WORKER_HOST="unix://$WORKER_SOCK"
LOCK="$RUN.lock"

log() { echo "two-node-swarm: $*" >&2; }
worker() { DOCKER_HOST="$WORKER_HOST" docker "$@"; }
in_ns() { nsenter --net="/var/run/netns/$NS" "$@"; }

listening() { # listening ADDRESS:PORT [in-namespace]
  if [ "${2:-}" = ns ]; then in_ns ss -ltnH "sport = :${1##*:}" | grep -q "${1%:*}:${1##*:}"
  else ss -ltnH "sport = :${1##*:}" | grep -q "${1%:*}:${1##*:}"; fi
}

packages() {
  local missing=()
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  command -v socat >/dev/null 2>&1 || missing+=(socat)
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  command -v nsenter >/dev/null 2>&1 || missing+=(util-linux)
  command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

registry() {
  mkdir -p "$STATE/registry"
  cat > "$STATE/registry.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$REGISTRY_PORT
EOF
  if ! listening "127.0.0.1:$REGISTRY_PORT"; then
    log "starting the registry on 127.0.0.1:$REGISTRY_PORT (log: /tmp/steward-registry.log)"
    setsid nohup docker-registry serve "$STATE/registry.yml" >/tmp/steward-registry.log 2>&1 < /dev/null 9>&- &
  fi
  # the same with basic authentication: its password is made once and kept (mode 600) for the tests to read
  mkdir -p "$STATE/registry-auth"
  if [ ! -s "$STATE/registry-auth.password" ]; then
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$STATE/registry-auth.password")
  fi
  htpasswd -Bbn "$AUTH_USER" "$(cat "$STATE/registry-auth.password")" > "$STATE/registry-auth.htpasswd"
  sed -e "s#$STATE/registry\$#$STATE/registry-auth#" -e "s#127.0.0.1:$REGISTRY_PORT#127.0.0.1:$AUTH_PORT#" \
    "$STATE/registry.yml" > "$STATE/registry-auth.yml"
  printf 'auth:\n  htpasswd:\n    realm: steward-ci\n    path: %s\n' "$STATE/registry-auth.htpasswd" >> "$STATE/registry-auth.yml"
  if ! listening "127.0.0.1:$AUTH_PORT"; then
    log "starting the registry with basic authentication on 127.0.0.1:$AUTH_PORT"
    setsid nohup docker-registry serve "$STATE/registry-auth.yml" >/tmp/steward-registry-auth.log 2>&1 < /dev/null 9>&- &
  fi
  for port in "$REGISTRY_PORT" "$AUTH_PORT"; do
    for _ in $(seq 1 30); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v2/")" != 000 ] && continue 2
      sleep 0.5
    done
    log "the registry on $port did not answer; its logs:"; tail -n 20 /tmp/steward-registry*.log >&2; exit 1
  done
}

namespace() {
  [ -e "/var/run/netns/$NS" ] || ip netns add "$NS"
  if ! ip link show "$HOST_IF" >/dev/null 2>&1; then
    ip link add "$HOST_IF" type veth peer name "$WORKER_IF"
    ip link set "$WORKER_IF" netns "$NS"
    ip addr add "$HOST_IP/30" dev "$HOST_IF"
    ip link set "$HOST_IF" up
    in_ns ip addr add "$WORKER_IP/30" dev "$WORKER_IF"
    in_ns ip link set "$WORKER_IF" up
    in_ns ip link set lo up
    in_ns ip route add default via "$HOST_IP"
  fi
}

forward() { # forward LISTEN_ADDR:PORT TARGET_ADDR:PORT [ns]
  if ! listening "$1" "${3:-}"; then
    local cmd=(socat "TCP-LISTEN:${1##*:},bind=${1%:*},fork,reuseaddr" "TCP:$2")
    if [ "${3:-}" = ns ]; then cmd=(nsenter --net="/var/run/netns/$NS" "${cmd[@]}"); fi
    setsid nohup "${cmd[@]}" >/dev/null 2>&1 < /dev/null 9>&- &
    for _ in $(seq 1 20); do listening "$1" "${3:-}" && return 0; sleep 0.2; done
    log "socat did not listen on $1 ${3:-}"; exit 1
  fi
}

worker_engine() {
  mkdir -p "$STATE/data" "$RUN"
  if ! worker info >/dev/null 2>&1; then
    log "starting the worker engine in namespace $NS (log: /tmp/steward-worker-dockerd.log)"
    # its own data root, exec root, socket, pid file, bridge subnet and cgroup parent: nothing shared with the
    # machine's engine but the kernel
    setsid nohup nsenter --net="/var/run/netns/$NS" dockerd --data-root "$STATE/data" --exec-root "$RUN/exec" \
      --pidfile "$RUN/dockerd.pid" -H "$WORKER_HOST" --cgroup-parent /steward-worker --bip 172.31.216.1/24 \
      >/tmp/steward-worker-dockerd.log 2>&1 < /dev/null 9>&- &
    for _ in $(seq 1 60); do worker info >/dev/null 2>&1 && break; sleep 1; done
    worker info >/dev/null 2>&1 || { log "the worker engine did not answer; its log:"; tail -n 30 /tmp/steward-worker-dockerd.log >&2; exit 1; }
  fi
}

node_id() { worker info --format '{{.Swarm.NodeID}}' 2>/dev/null || true; }

print_env() {
  local id=""
  if worker info >/dev/null 2>&1 && [ "$(worker info --format '{{.Swarm.LocalNodeState}}')" = active ]; then id="$(node_id)"; fi
  echo "WORKER_NODE=$id"
  echo "REGISTRY=127.0.0.1:$REGISTRY_PORT"
  echo "AUTH_REGISTRY=127.0.0.1:$AUTH_PORT"
  echo "AUTH_REGISTRY_USER=$AUTH_USER"
  echo "AUTH_REGISTRY_PASSWORD_FILE=$STATE/registry-auth.password"
  echo "WORKER_DOCKER_HOST=$WORKER_HOST"
  echo "HOST_ADDRESS=$HOST_IP"
}

prepare() {
  [ "$(id -u)" = 0 ] || { log "must run as root (network namespaces, a second engine)"; exit 1; }
  docker info >/dev/null 2>&1 || { log "the machine's engine does not answer (run .ci/install-docker.sh)"; exit 1; }
  [ "$(docker info --format '{{.Swarm.ControlAvailable}}')" = true ] || { log "the machine's engine is no swarm manager"; exit 1; }
  packages
  registry
  namespace
  forward "$HOST_IP:$REGISTRY_PORT" "127.0.0.1:$REGISTRY_PORT"
  forward "127.0.0.1:$REGISTRY_PORT" "$HOST_IP:$REGISTRY_PORT" ns
  forward "$HOST_IP:$AUTH_PORT" "127.0.0.1:$AUTH_PORT"
  forward "127.0.0.1:$AUTH_PORT" "$HOST_IP:$AUTH_PORT" ns
  forward "127.0.0.1:2377" "$HOST_IP:2377" ns
}

up() {
  prepare
  worker_engine
  if [ "$(worker info --format '{{.Swarm.LocalNodeState}}')" != active ]; then
    log "joining the worker to the swarm"
    worker swarm join --token "$(docker swarm join-token -q worker)" --advertise-addr "$WORKER_IP" "$HOST_IP:2377" >/dev/null
  fi
  local id; id="$(node_id)"
  for _ in $(seq 1 30); do [ "$(docker node inspect "$id" --format '{{.Status.State}}' 2>/dev/null)" = ready ] && break; sleep 1; done
  docker node update --availability active --label-add steward.ci=worker "$id" >/dev/null
  log "worker $id ready"
}

down() {
  local id; id="$(node_id)"
  if [ -n "$id" ]; then
    worker swarm leave --force >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do [ "$(docker node inspect "$id" --format '{{.Status.State}}' 2>/dev/null)" != ready ] && break; sleep 1; done
    docker node rm --force "$id" >/dev/null 2>&1 || true
    log "worker $id left and was removed"
  fi
  if [ -f "$RUN/dockerd.pid" ] && kill -0 "$(cat "$RUN/dockerd.pid")" 2>/dev/null; then
    kill "$(cat "$RUN/dockerd.pid")"
    for _ in $(seq 1 30); do kill -0 "$(cat "$RUN/dockerd.pid" 2>/dev/null)" 2>/dev/null || break; sleep 1; done
    log "worker engine stopped"
  fi
}

mkdir -p "$(dirname "$RUN")"
case "${1:-}" in
  up)
    exec 9>"$LOCK"; flock 9
    users="$(cat "$STATE.users" 2>/dev/null || echo 0)"
    # nobody can be using a worker that is not joined (a test run that died without `down` left its count behind)
    [ -n "$(print_env | sed -n 's/^WORKER_NODE=//p')" ] || users=0
    up
    echo $((users + 1)) > "$STATE.users"
    print_env ;;
  down)
    exec 9>"$LOCK"; flock 9
    users="$(cat "$STATE.users" 2>/dev/null || echo 1)"
    if [ "$users" -le 1 ]; then down; echo 0 > "$STATE.users"; else echo $((users - 1)) > "$STATE.users"; fi ;;
  prepare)
    exec 9>"$LOCK"; flock 9
    prepare
    log "ready: registry on 127.0.0.1:$REGISTRY_PORT, namespace $NS (the worker joins only while tests run)" ;;
  env) print_env ;;
  *) echo "usage: $0 prepare|up|down|env" >&2; exit 2 ;;
esac
