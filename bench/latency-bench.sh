#!/bin/sh
# Response times Throng reports at a steady, moderate load against nginx (1 worker, CPU 0; Throng on CPU 1): the
# median of RUNS runs of each percentile. A change that saves CPU must leave these as they were: a generator that reads
# responses late reports its own delay as the server's. Compare builds with THRONG_CP, alternating.
# Usage: bench/latency-bench.sh [RUNS=3] [USERS=64] [THINK_MS=10] [SECONDS=20]
set -eu
. "$(dirname "$0")/lib.sh"
RUNS=${1:-3}
USERS=${2:-64}
THINK_MS=${3:-10}
SECONDS_MEASURED=${4:-20}
PORT=${PORT:-18087}
throng_build
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
OUT=$(mktemp -d /tmp/throng-bench.XXXXXX)
start_nginx "$PORT" 0
trap stop_nginx EXIT INT TERM
i=0
while [ $i -lt "$RUNS" ]; do
    i=$((i + 1))
    taskset -c 1 "$JAVA" -XX:+UseParallelGC ${FLAGS:-} -cp "$CP" "$BENCH_DIR/LatencyBench.java" \
        "http://127.0.0.1:$PORT/" "$USERS" "$THINK_MS" "$SECONDS_MEASURED" | grep '^throng ' | tee -a "$OUT/lines"
done
for p in p50 p90 p99 p999; do
    printf "%s %s ms  " "$p" "$(sed "s/.* ${p}_ms=\([0-9.]*\).*/\1/" "$OUT/lines" | median)"
done
echo "(median of $RUNS runs, $USERS users thinking $THINK_MS ms)"
