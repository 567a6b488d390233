#!/usr/bin/env bash
# Builds the agent image without any registry, as one command:
#
#   ./mvnw -pl bootstrap -am package -DskipTests -DskipITs     # the main build makes bootstrap/target/steward.jar
#   adapters-docker/image/build-agent-image.sh [JAR] [TAG]      # -> steward/agent:dev in the local engine
#   adapters-docker/image/build-agent-image.sh --push [JAR] REGISTRY/steward/agent:TAG   # ... and push it (Swarm)
#
# What it does: jlinks a small Java runtime from the build JDK (only the modules the jar needs), copies the shared
# libraries that runtime links against from this machine, adds Debian's busybox-static (for the health check's shell),
# the jar and an unprivileged user, packs all of it as a root filesystem and `docker import`s it; then runs the agent
# once in a container against a stand-in control plane to record what its start loads and links (JDK 25's AOT cache
# /app/agent.aot, or an AppCDS archive /app/agent.jsa on an older JDK) and commits that as the image, whose command is
# `java <flags> -jar /app/steward.jar agent`: a heap and GC sized for a small idle process, and the archive mapped
# where it was made, so its pages stay shared between agents (docs/benchmarks.md, "A lean agent", has the
# measurements behind each flag). Users who have a registry can use the Dockerfile beside this script instead (same
# flags, without the archive).
#
# Needs (Debian package names): a full JDK >= 21 with jlink and jdk.httpserver (JAVA_HOME or the newest
# /usr/lib/jvm/temurin-*; e.g. temurin-25-jdk; JDK 25 or newer for the AOT cache),
# a running Docker engine on Linux (docker.io; the training run uses host networking), busybox-static (/bin/busybox), and tar, coreutils, findutils, grep, sed and
# libc-bin (ldd, ldconfig), which every Debian has. .ci/install-docker.sh installs docker.io and busybox-static.
set -euo pipefail

push=false
if [ "${1:-}" = "--push" ]; then push=true; shift; fi

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${1:-$root/bootstrap/target/steward.jar}"
tag="${2:-${STEWARD_AGENT_IMAGE:-steward/agent:dev}}"

log() { echo "build-agent-image: $*"; }

if [ "$push" = true ]; then
  case "${tag%%/*}" in
    *.*|*:*|localhost) ;;
    *) log "--push needs a tag naming a registry, e.g. 127.0.0.1:5000/steward/agent:1 (got $tag)"; exit 1 ;;
  esac
fi

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -V -r | head -1)"
fi
[ -x "${JAVA_HOME:-}/bin/jlink" ] || { log "no JDK with jlink found (set JAVA_HOME to a JDK >= 21)"; exit 1; }
[ -f "$jar" ] || { log "$jar is missing; build it first: ./mvnw -pl bootstrap -am package -DskipTests -DskipITs"; exit 1; }
[ -x /bin/busybox ] || { log "/bin/busybox is missing: apt-get install -y busybox-static"; exit 1; }
docker info >/dev/null 2>&1 || { log "no Docker engine answers (start one: .ci/install-docker.sh)"; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs"/{app,bin,etc,tmp,opt}
chmod 1777 "$rootfs/tmp"

# 1. The Java runtime: the modules jdeps finds in the jar plus those loaded reflectively (JNDI, JMX, SQL, logging).
found="$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 21 "$jar" 2>/dev/null || true)"
wanted="java.base,java.logging,java.naming,java.net.http,java.sql,java.management,java.xml,java.desktop,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,java.instrument,jdk.management${found:+,$found}"
available="$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//')"
modules="$(echo "$wanted" | tr ',' '\n' | sort -u | grep -Fx -f <(echo "$available") | paste -sd, -)"
log "jlink $modules"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --generate-cds-archive --output "$rootfs/opt/java"

# 2. The shared libraries that runtime links against (glibc & co.), plus libgcc_s, which glibc loads at thread exit.
libs="$(find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
  | grep -oE '(=> )?/[^ ]+' | sed 's/^=> //' | grep -v "^$work/" | sort -u)"   # (the runtime's own libraries are in)
gcc_s="$(ldconfig -p | grep -oE '/[^ ]*libgcc_s\.so\.1$' | sed -n 1p || true)"
for lib in $libs $gcc_s; do
  cp --parents -L "$lib" "$rootfs"
done

# 3. A shell for the health check (busybox), an unprivileged user, the jar.
cp /bin/busybox "$rootfs/bin/busybox"
for applet in sh date stat test touch cat ls ps; do ln -s busybox "$rootfs/bin/$applet"; done
echo 'root:x:0:0:root:/root:/bin/sh' > "$rootfs/etc/passwd"
echo 'steward:x:10001:10001:steward agent:/app:/bin/sh' >> "$rootfs/etc/passwd"
printf 'root:x:0:\nsteward:x:10001:\n' > "$rootfs/etc/group"
cp "$jar" "$rootfs/app/steward.jar"

# 4. Pack and import (the archive's future place is writable by the agent's user for the training run only).
chown 10001:10001 "$rootfs/app"
tar -C "$rootfs" --numeric-owner -cf "$work/rootfs.tar" .
# The agent's JVM: SerialGC and a 24 MiB heap that is given back when idle, small stacks, C1 only (an agent mostly
# waits; C2 would only cost memory and start-up CPU), glibc limited to 2 malloc arenas, and the start-up archive mapped
# at its own address (ArchiveRelocationMode=0): relocating it would copy its ~30 MB into every agent's private memory.
# No monitor-deflation thread waking every 250 ms (AsyncDeflationInterval=0; it still runs when monitors pile up, and
# once a minute): in an idle agent it was a fifth of the CPU. C1 compiles a method only after ten times the usual
# number of calls (CompileThresholdScaling=10): during the start it compiled ~800 methods that ran a few hundred times
# and never again, which cost more than interpreting them (CPU to the first check-in 345 -> 285 ms); an idle agent's
# heartbeat, once every 20 s, stays interpreted at ~2.4 ms a beat.
opts='"-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0", "-XX:AsyncDeflationInterval=0", "-XX:+UseSerialGC", "-Xms4m", "-Xmx24m", "-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=10", "-Xss256k", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:CompileThresholdScaling=10", "-XX:ReservedCodeCacheSize=16m", "-XX:-UsePerfData"'
base="$tag-base-$$"
docker import \
  -c 'ENV PATH=/opt/java/bin:/bin' \
  -c 'ENV MALLOC_ARENA_MAX=2' \
  -c 'WORKDIR /app' \
  -c 'USER 10001' \
  "$work/rootfs.tar" "$base" >/dev/null

# 5. The start-up archive, recorded in a training run of the agent against StandInControlPlane.java (beside this
# script: the agent API's start-up calls, run by the build JDK on the host, reached over host networking), so it holds
# what a successful start loads and links: the session, the configuration and a few heartbeats. With JDK 25's AOT cache
# (-XX:AOTCacheOutput: classes loaded and linked, plus method profiles) where the JDK has it, else an AppCDS archive.
# The training run's /tmp is a tmpfs, so neither its session token nor its heartbeat file ends up in the image.
if "$JAVA_HOME/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
  archive=/app/agent.aot; record="-XX:AOTCacheOutput=$archive"; use="-XX:AOTCache=$archive"
else
  archive=/app/agent.jsa; record="-XX:ArchiveClassesAtExit=$archive"; use="-XX:SharedArchiveFile=$archive"
fi
port=$((20000 + RANDOM % 20000))
"$JAVA_HOME/bin/java" "$here/StandInControlPlane.java" "$port" > "$work/calls.log" 2>&1 &
stand_in=$!
trainer="steward-agent-cds-$$"
trap 'rm -rf "$work"; kill "$stand_in" 2>/dev/null || true; docker rm -f "$trainer" >/dev/null 2>&1 || true
  docker rmi "$base" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 300); do grep -q listening "$work/calls.log" && break; sleep 0.2; done
grep -q listening "$work/calls.log" || { log "the stand-in control plane did not start:"; cat "$work/calls.log"; exit 1; }
# (variables set inside the command, not with -e: the committed image must not keep them)
docker run -d --name "$trainer" --network host --tmpfs /tmp --entrypoint /bin/sh "$base" -c \
  "STEWARD_CONTROL_PLANE_URL=http://127.0.0.1:$port STEWARD_AGENT_TOKEN=stb_training STEWARD_HEARTBEAT_MS=500 \
  exec java $(echo "$opts" | tr -d '",') $record -jar /app/steward.jar agent" >/dev/null
for _ in $(seq 1 240); do
  [ "$(grep -c ' CHECK-IN stw_training$' "$work/calls.log")" -ge 3 ] && break
  sleep 0.5
done
[ "$(grep -c ' CHECK-IN stw_training$' "$work/calls.log")" -ge 3 ] \
  || { log "the training run never checked in; its output:"; docker logs "$trainer" 2>&1 | tail -20; exit 1; }
docker stop -t 120 "$trainer" >/dev/null   # the archive is written as the JVM exits
if ! docker cp "$trainer:$archive" "$work/archive" 2>/dev/null; then
  log "the training run wrote no archive; its output:"; docker logs "$trainer" 2>&1 | tail -20; exit 1
fi
docker commit \
  -c 'ENTRYPOINT ["java"]' \
  -c "CMD [$opts, \"$use\", \"-jar\", \"/app/steward.jar\", \"agent\"]" \
  "$trainer" "$tag" >/dev/null
log "built $tag ($(docker image inspect "$tag" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1048576}'), start-up archive $archive $(du -h "$work/archive" | cut -f1))"

# 6. Smoke check: the runtime starts inside the image, with the archive.
# capture first, then trim: piping a live `docker run` into `head` can kill it with SIGPIPE (exit 141 under pipefail)
version="$(docker run --rm --entrypoint java "$tag" -version 2>&1)"
echo "build-agent-image: image runs: ${version%%$'\n'*}"

# 6. For Swarm: every node pulls the image from the registry its name starts with (STEWARD_AGENT_IMAGE).
if [ "$push" = true ]; then
  docker push "$tag" >/dev/null
  log "pushed $tag ($(docker image inspect "$tag" --format '{{index .RepoDigests 0}}'))"
fi
