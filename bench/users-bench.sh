#!/bin/sh
# Many users in one process: USERS users with a think time of 1 h, each sending one request through the shared pool
# of POOL connections (so the open files stay bounded: POOL sockets, whatever the users), started at SPAWN users/s,
# under a 4 GiB heap. Prints the heap after a full GC and the RSS once all have sent their request.
# Usage: bench/users-bench.sh [USERS=1000000] [POOL=500] [SPAWN=20000]
set -eu
. "$(dirname "$0")/lib.sh"
USERS=${1:-1000000}
POOL=${2:-500}
SPAWN=${3:-20000}
PORT=${PORT:-18083}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
CP="$ROOT/remote-agent/target/throng-remote-agent-0.1.0-SNAPSHOT.jar:$ROOT/remote-agent/target/lib/*"
[ -f "$ROOT/remote-agent/target/throng-remote-agent-0.1.0-SNAPSHOT.jar" ] || (cd "$ROOT" && ./throng build)
start_nginx "$PORT" 0
trap stop_nginx EXIT INT TERM
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); open-file limit $(ulimit -n), pool $POOL connections"
"$JAVA" -Xmx4g -XX:+UseParallelGC -Dpool="$POOL" -Dspawn="$SPAWN" -Dwait=900 -cp "$CP" "$BENCH_DIR/MemoryBench.java" \
    "http://127.0.0.1:$PORT/" "$USERS"
