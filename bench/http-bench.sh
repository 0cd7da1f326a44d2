#!/bin/sh
# CPU microseconds per request and requests/s: Throng against nginx, next to wrk in the same run.
# nginx (1 worker) pinned to CPU 0, the generator pinned to CPU 1. Each figure is the median of RUNS runs.
# Usage: bench/http-bench.sh [RUNS=3] [SECONDS=15] [USERS=64]
# THRONG_CP=... measures another build (a copy of the previous one's jars) in place of this tree's; FLAGS=... adds JVM
# flags to Throng's JVM (a JFR recording, for example).
set -eu
. "$(dirname "$0")/lib.sh"
RUNS=${1:-3}
SECONDS_MEASURED=${2:-15}
USERS=${3:-64}
PORT=${PORT:-18080}
WARMUP=5
throng_build
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
OUT=$(mktemp -d /tmp/throng-bench.XXXXXX)

start_nginx "$PORT" 0
trap stop_nginx EXIT INT TERM
URL="http://127.0.0.1:$PORT/"

i=0
while [ $i -lt "$RUNS" ]; do
    i=$((i + 1))
    # wrk: warm up, then a measured run whose CPU is read from /proc just before it ends.
    taskset -c 1 wrk -t1 -c"$USERS" -d"${WARMUP}s" "$URL" >/dev/null
    taskset -c 1 wrk -t1 -c"$USERS" -d"${SECONDS_MEASURED}s" "$URL" >"$OUT/wrk.$i" &
    WRK=$!
    sleep 0.2
    t0=$(cpu_ticks $WRK)
    sleep $((SECONDS_MEASURED - 1))
    t1=$(cpu_ticks $WRK)
    wait $WRK
    req=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.$i")
    ticks=$(getconf CLK_TCK)
    awk -v t0="$t0" -v t1="$t1" -v rps="$req" -v s=$((SECONDS_MEASURED - 1)) -v hz="$ticks" \
        'BEGIN {printf "wrk rps=%.0f cpu_us_per_request=%.2f\n", rps, (t1 - t0) / hz * 1e6 / (rps * s)}' \
        | tee -a "$OUT/wrk.lines"
    taskset -c 1 "$JAVA" -XX:+UseParallelGC ${FLAGS:-} -cp "$CP" "$BENCH_DIR/ThroughputBench.java" "$URL" "$USERS" "$WARMUP" "$SECONDS_MEASURED" \
        | grep '^throng ' | tee -a "$OUT/throng.lines"
done

wrk_us=$(sed 's/.*cpu_us_per_request=\([0-9.]*\).*/\1/' "$OUT/wrk.lines" | median)
wrk_rps=$(sed 's/.*rps=\([0-9.]*\) .*/\1/' "$OUT/wrk.lines" | median)
thr_us=$(sed 's/.*cpu_us_per_request=\([0-9.]*\).*/\1/' "$OUT/throng.lines" | median)
thr_rps=$(sed 's/.* rps=\([0-9.]*\) .*/\1/' "$OUT/throng.lines" | median)
thr_alloc=$(sed 's/.*alloc_bytes_per_request=\([0-9.]*\).*/\1/' "$OUT/throng.lines" | median)
echo "median of $RUNS: wrk $wrk_us us/request at $wrk_rps req/s; throng $thr_us us/request at $thr_rps req/s" \
    "($thr_alloc bytes allocated per request);" \
    "ratio throng/wrk $(awk -v a="$thr_us" -v b="$wrk_us" 'BEGIN {printf "%.2f", a / b}')"
