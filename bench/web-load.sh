#!/usr/bin/env bash
# Web load benchmark (issue 4): GET /api/v1/clients/{slug} on the embedded default vs a bare Javalin route returning a
# constant JSON body, side by side in one run, load from wrk in a second process on loopback; then 1,000 dashboards
# polling every 5 s with unchanged data (If-None-Match -> 304) and the server's CPU use.
#
#   ./mvnw -q package -DskipTests -DskipITs && bench/web-load.sh
#
# Needs: wrk (apt-get install wrk), a JDK >= 21. Bounded: every wrk run is time-limited; servers are stopped on exit.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/bootstrap/target/steward.jar"
# a JDK >= 21, found the way ./steward finds it
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -V -r | head -1)"
fi
java="$JAVA_HOME/bin/java"
duration="${DURATION:-15s}"
steward_port=18180
bare_port=18181
data="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

[ -f "$jar" ] || { echo "build first: ./mvnw -q package -DskipTests -DskipITs"; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }

password="bench-admin-password"
STEWARD_HTTP_PORT=$steward_port STEWARD_DATA_DIR="$data" STEWARD_LOG_LEVEL=WARN STEWARD_ADMIN_PASSWORD="$password" \
  "$java" --sun-misc-unsafe-memory-access=allow -Xmx1g -jar "$jar" server >"$data/steward.log" 2>&1 &
steward_pid=$!; pids+=("$steward_pid")
"$java" --sun-misc-unsafe-memory-access=allow -Xmx1g -cp "$jar" "$root/bench/BareJavalin.java" $bare_port \
  >"$data/bare.log" 2>&1 &
pids+=("$!")

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$steward_port/health" >/dev/null && curl -sf "http://127.0.0.1:$bare_port/constant" >/dev/null && break
  sleep 0.5
done
# sign in as the first admin, then issue an API token the way a program's owner would
base="http://127.0.0.1:$steward_port"
jar_file="$data/cookies"
curl -sf -c "$jar_file" -o /dev/null --data-urlencode "email=admin@steward.local" --data-urlencode "password=$password" "$base/login"
csrf="$(curl -sf -b "$jar_file" -H 'Accept: text/html' "$base/settings/tokens" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
token="$(curl -sf -b "$jar_file" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "$base/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')"
auth="Authorization: Bearer $token"
case "$token" in stk_*) ;; *) echo "could not issue an API token (got: $token)"; exit 1 ;; esac
curl -sf -X POST -H "$auth" -H 'Content-Type: application/json' -d '{"name":"Bench Client","slug":"bench-client"}' \
  "$base/api/v1/clients" >/dev/null
client="http://127.0.0.1:$steward_port/api/v1/clients/bench-client"
status="$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$client")"
[ "$status" = 200 ] || { echo "GET $client answered $status, not 200: the load would measure an error"; exit 1; }
echo "GET /api/v1/clients/bench-client with the token: $status, $(curl -s -H "$auth" "$client" | wc -c) bytes"
bare="http://127.0.0.1:$bare_port/constant"

echo "== warm-up (10 s each)"
wrk -t2 -c32 -d10s -H "$auth" "$client" >/dev/null
wrk -t2 -c32 -d10s "$bare" >/dev/null

echo "== max throughput, 2 threads, 32 connections, $duration each, alternating"
for round in 1 2; do
  echo "-- round $round: steward GET /api/v1/clients/{slug}"
  wrk -t2 -c32 -d"$duration" --latency -H "$auth" "$client" | grep -E "Requests/sec|Latency|99%|Non-2xx|Socket errors"
  echo "-- round $round: bare Javalin constant JSON"
  wrk -t2 -c32 -d"$duration" --latency "$bare" | grep -E "Requests/sec|Latency|99%|Non-2xx|Socket errors"
done

echo "== paced ~1,000 req/s for 30 s: 50 connections, each one request every 50 ms (wrk's delay(); wrk2 is not packaged)"
paced="$data/paced.lua"
cat >"$paced" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
request = function() return wrk.format("GET") end
delay = function() return 50 end
LUA
wrk -t2 -c50 -d30s --latency -s "$paced" "$client" | grep -E "Requests/sec|50%|90%|99%|requests in|Non-2xx|Socket errors"


echo "== 1,000 dashboards polling every 5 s, data unchanged (304s): 200 req/s for 30 s"
etag="$(curl -sI -H "$auth" "$client" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')"
lua="$data/poll.lua"
cat >"$lua" <<LUA
wrk.headers["If-None-Match"] = '$etag'
wrk.headers["Authorization"] = "Bearer $token"
-- 50 connections x one request every 250 ms = 200 req/s, i.e. 1,000 dashboards each polling every 5 s
request = function() return wrk.format("GET") end
delay = function() return 250 end
LUA
ticks() { awk '{print $14 + $15}' "/proc/$steward_pid/stat"; }
hz="$(getconf CLK_TCK)"
before="$(ticks)"
wrk -t2 -c50 -d30s -s "$lua" "$client" | grep -E "Requests/sec|Non-2xx|requests in"
after="$(ticks)"
echo "server CPU over 30 s: $(( (after - before) * 100 / hz / 30 ))% of one core (status 304 counts as Non-2xx above)"
