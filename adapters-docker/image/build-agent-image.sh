#!/usr/bin/env bash
# Builds the agent image without any registry, as one command:
#
#   ./mvnw -pl bootstrap -am package -DskipTests -DskipITs     # the main build makes bootstrap/target/steward.jar
#   adapters-docker/image/build-agent-image.sh [JAR] [TAG]      # -> steward/agent:dev in the local engine
#
# What it does: jlinks a small Java runtime from the build JDK (only the modules the jar needs), copies the shared
# libraries that runtime links against from this machine, adds Debian's busybox-static (for the health check's shell),
# the jar and an unprivileged user, packs all of it as a root filesystem and `docker import`s it with the command
# `java -jar /app/steward.jar agent`. Users who have a registry can use the Dockerfile beside this script instead.
#
# Needs: a JDK >= 21 (JAVA_HOME or the newest /usr/lib/jvm/temurin-*), a running Docker engine, busybox-static.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${1:-$root/bootstrap/target/steward.jar}"
tag="${2:-${STEWARD_AGENT_IMAGE:-steward/agent:dev}}"

log() { echo "build-agent-image: $*"; }

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
  | grep -oE '(=> )?/[^ ]+' | sed 's/^=> //' | sort -u)"
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

# 4. Pack and import.
tar -C "$rootfs" --numeric-owner -cf "$work/rootfs.tar" .
docker import \
  -c 'ENV PATH=/opt/java/bin:/bin' \
  -c 'WORKDIR /app' \
  -c 'USER 10001' \
  -c 'CMD ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-jar", "/app/steward.jar", "agent"]' \
  "$work/rootfs.tar" "$tag" >/dev/null
log "built $tag ($(docker image inspect "$tag" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1048576}'))"

# 5. Smoke check: the runtime starts inside the image.
# capture first, then trim: piping a live `docker run` into `head` can kill it with SIGPIPE (exit 141 under pipefail)
version="$(docker run --rm --entrypoint java "$tag" -version 2>&1)"
echo "build-agent-image: image runs: ${version%%$'\n'*}"
