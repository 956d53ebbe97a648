#!/usr/bin/env bash
# bench/compare.sh -- run the peers' harness (compare.sh of the side-by-side bench kit) with
# loomlab added as the server under test.
#
#   bench/compare.sh WORKLOAD [PEER...]        WORKLOAD: echo | calc | udpcalc | idle
#   ROUNDS=3 CONNS=2000 bench/compare.sh echo netty go vthread-min project
#
# Environment (besides the harness's own: ROUNDS, CONNS, DURATION, HOLD, OUTDIR, ...):
#   BENCH_DIR     the built harness (loadgen + peers)           [/work/bench]
#   LOOMLAB_JAR   the server under test                          [target/server.jar]
#   LOOMLAB_OPTS  JVM flags for loomlab only                     [see docs/performance.md]
#   LOOMLAB_CONFIG the server config                               [bench/loomlab-bench.json]
#   JAVA_HOME     JDK for all Java servers                       [/usr/lib/jvm/temurin-25-jdk-amd64]
# loomlab serves echo on 19800, calc (tcp, virtual) and calc-udp on 19809, as bench/loomlab-bench.json says.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BENCH_DIR=${BENCH_DIR:-/work/bench}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
LOOMLAB_JAR=${LOOMLAB_JAR:-$HERE/../target/server.jar}
LOOMLAB_OPTS=${LOOMLAB_OPTS-}
if [ ! -x "$BENCH_DIR/compare.sh" ] || [ ! -x "$BENCH_DIR/loadgen/loadgen" ]; then
  echo "bench/compare.sh: no built harness in $BENCH_DIR (copy the bench kit there and run its build.sh," >&2
  echo "  or set BENCH_DIR); see docs/performance.md" >&2
  exit 2
fi
[ -f "$LOOMLAB_JAR" ] || { echo "bench/compare.sh: $LOOMLAB_JAR missing: run 'make build' first" >&2; exit 2; }
export PROJECT_NAME=${PROJECT_NAME:-loomlab}
export PROJECT_CMD="$JAVA_HOME/bin/java $LOOMLAB_OPTS -jar $(realpath "$LOOMLAB_JAR") --quiet --config ${LOOMLAB_CONFIG:-$HERE/loomlab-bench.json}"
export PROJECT_ECHO_PORT=19800 PROJECT_CALC_PORT=19809 PROJECT_UDP_PORT=19809
exec "$BENCH_DIR/compare.sh" "$@"
