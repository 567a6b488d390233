#!/usr/bin/env bash
# Installs and starts a Docker engine (Debian's docker.io, API 1.41) for the Docker/Swarm ITs, plus busybox-static
# for their tiny test image. Idempotent: safe to run again on a machine where it already ran.
# No registry is reachable from our machines: every image is built locally (see adapters-docker/image/).
set -euo pipefail

log() { echo "install-docker: $*"; }

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  # This machine's own engine, by its pid file: `pgrep dockerd` would also find the two-node swarm's second engine
  # (.ci/two-node-swarm.sh) and wrongly take the main engine for running.
  if ! { [ -f /var/run/docker.pid ] && kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; }; then
    rm -f /var/run/docker.pid   # left behind by an engine that died; dockerd refuses to start with it
    log "starting dockerd (log: /tmp/dockerd.log)"
    nohup dockerd >/tmp/dockerd.log 2>&1 &
  fi
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  if ! docker info >/dev/null 2>&1; then
    log "dockerd did not answer within 60 s; its log:"
    tail -n 40 /tmp/dockerd.log || true
    exit 1
  fi
fi
log "engine $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"

if [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" != "active" ]; then
  log "initialising a single-node swarm"
  docker swarm init --advertise-addr 127.0.0.1 >/dev/null
fi
log "swarm $(docker info --format '{{.Swarm.LocalNodeState}}')"
