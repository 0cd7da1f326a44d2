#!/bin/sh
# Spawn rate: USERS users asked at RATE users/s (closed model, shared pool of POOL connections, one request each,
# then a think time of 1 h), against nginx on loopback. Prints, per round, the achieved rate of the scheduler's
# launches and of the users' first requests, as a share of the plan, and the lag behind the plan.
# Usage: bench/spawn-bench.sh [USERS=20000] [RATE=50000] [POOL=256] [ROUNDS=3]   (POOL 0: no HTTP at all)
set -eu
. "$(dirname "$0")/lib.sh"
USERS=${1:-20000}
RATE=${2:-50000}
POOL=${3:-256}
ROUNDS=${4:-3}
PORT=${PORT:-18082}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
CP="$ROOT/engine/target/test-classes:$ROOT/engine/target/classes:$ROOT/remote-agent/target/lib/*"
[ -f "$ROOT/engine/target/test-classes/dev/throng/engine/run/internal/SpawnBench.class" ] \
    || (cd "$ROOT" && ./mvnw -B -q -o -pl engine -am test-compile)
[ -d "$ROOT/remote-agent/target/lib" ] || (cd "$ROOT" && ./throng build)
start_nginx "$PORT" 0
trap stop_nginx EXIT INT TERM
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xmx2g -XX:+UseParallelGC -cp "$CP" dev.throng.engine.run.internal.SpawnBench \
    "http://127.0.0.1:$PORT/" "$USERS" "$RATE" "$POOL" "$ROUNDS"
