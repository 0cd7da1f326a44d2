# Shared helpers for the benchmark scripts (sourced, POSIX sh).
# Every load goes to 127.0.0.1 only, is bounded in time, and every process started here is stopped by PID.

BENCH_DIR=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")

throng_build() {
    # sets JAVA (JDK 25) and CP: the jars in THRONG_CP (a kept copy of another build), or this tree's (built first
    # when missing)
    JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
    CP=${THRONG_CP:-"$ROOT/remote-agent/target/throng-remote-agent-0.1.0-SNAPSHOT.jar:$ROOT/remote-agent/target/lib/*"}
    [ -n "${THRONG_CP:-}" ] || [ -f "$ROOT/remote-agent/target/throng-remote-agent-0.1.0-SNAPSHOT.jar" ] \
        || (cd "$ROOT" && ./throng build)
}

start_nginx() {
    # start_nginx PORT CPU -> sets NGINX_PID and NGINX_PREFIX
    NGINX_PREFIX=$(mktemp -d /tmp/throng-bench-nginx.XXXXXX)
    sed -e "s#@PORT@#$1#g" -e "s#@PREFIX@#$NGINX_PREFIX#g" "$BENCH_DIR/nginx.conf.template" >"$NGINX_PREFIX/nginx.conf"
    taskset -c "$2" nginx -p "$NGINX_PREFIX" -c "$NGINX_PREFIX/nginx.conf" &
    NGINX_PID=$!
    i=0
    until curl -s -o /dev/null "http://127.0.0.1:$1/"; do
        i=$((i + 1))
        if [ $i -gt 50 ]; then echo "bench: nginx did not start (see $NGINX_PREFIX/error.log)" >&2; exit 2; fi
        sleep 0.1
    done
}

stop_nginx() {
    [ -n "${NGINX_PID:-}" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
    NGINX_PID=
}

cpu_ticks() {
    # user+system CPU of a process in clock ticks (fields 14 and 15 of /proc/PID/stat)
    awk '{print $14 + $15}' "/proc/$1/stat"
}

median() {
    sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}
