#!/bin/sh
# JMH micro-benchmarks of the request path's hot parts (bench/jmh): one HTTP/1.1 exchange without a network, ours
# next to HttpCore's classic connection (the reference, in the same run), and recording a request into the statistics.
# Builds the engine and the benchmarks with the root's "bench" profile (never part of the normal build or CI).
# Usage: bench/jmh.sh [JMH arguments, e.g. ExchangeBench -prof gc]
set -eu
. "$(dirname "$0")/lib.sh"
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
(cd "$ROOT" && ./mvnw -B -q -Pbench -pl bench/jmh -am -DskipTests -Dspotless.check.skip=true package)
"$JAVA_HOME/bin/java" -cp "$BENCH_DIR/jmh/target/classes:$BENCH_DIR/jmh/target/lib/*" org.openjdk.jmh.Main "$@"
