#!/bin/sh
# Heap (after a full GC) and RSS per waiting user holding a keep-alive connection, as the difference between
# 1,000 and 10,000 users against nginx on loopback. Usage: bench/memory-bench.sh [SMALL=1000] [LARGE=10000]
# THRONG_CP=... measures another build (a copy of its jars) in place of this tree's. FLAGS=... adds JVM flags; with
# FLAGS="-Xms1g -XX:+AlwaysPreTouch" the whole heap is resident from the start in both runs, so the RSS difference is
# only what users cost outside the heap (ParallelGC's pages touched once and kept otherwise move RSS by ±1 KiB/user).
set -eu
. "$(dirname "$0")/lib.sh"
SMALL=${1:-1000}
LARGE=${2:-10000}
PORT=${PORT:-18081}
throng_build
if [ "$(ulimit -n)" -lt $((LARGE + 1000)) ]; then
    echo "bench: the open-file limit ($(ulimit -n)) is below $LARGE users + 1000; raise it with ulimit -n" >&2
    exit 2
fi
start_nginx "$PORT" 0
trap stop_nginx EXIT INT TERM
URL="http://127.0.0.1:$PORT/"
small=$("$JAVA" -Xmx4g -XX:+UseParallelGC ${FLAGS:-} -cp "$CP" "$BENCH_DIR/MemoryBench.java" "$URL" "$SMALL")
echo "$small"
large=$("$JAVA" -Xmx4g -XX:+UseParallelGC ${FLAGS:-} -cp "$CP" "$BENCH_DIR/MemoryBench.java" "$URL" "$LARGE")
echo "$large"
field() { echo "$1" | sed "s/.*$2=\([0-9-]*\).*/\1/"; }
awk -v h1="$(field "$small" heap_bytes)" -v h2="$(field "$large" heap_bytes)" \
    -v r1="$(field "$small" rss_bytes)" -v r2="$(field "$large" rss_bytes)" -v n=$((LARGE - SMALL)) \
    'BEGIN {printf "per waiting user: heap %.2f KiB, RSS %.2f KiB (difference of %d users)\n", (h2-h1)/n/1024, (r2-r1)/n/1024, n}'
