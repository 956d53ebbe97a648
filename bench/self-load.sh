#!/usr/bin/env bash
# bench/self-load.sh -- a short load run of loomlab against itself: the server from
# bench/loomlab-bench.json (echo 19800, calc and calc-udp 19809), driven by loomlab's own
# 'load' command in a second JVM. Prints the load reports plus the server's CPU time per request
# and its peak RSS. Part of 'make bench'; never of 'make test'.
#
#   bench/self-load.sh                      (after 'make build')
#   CLIENTS=2000 DURATION=20s bench/self-load.sh
#
# Environment: JAVA_HOME, LOOMLAB_OPTS (JVM flags of the server), LOAD_OPTS (JVM flags of the
# load generator), CLIENTS [1000] (echo), CONCURRENCY [50] (calc, udp-calc), DURATION [10s],
# WARMUP [2s], OUT [target/bench] (JSON reports).
# If this build has no 'load' command, the run falls back to the Go load generator of the
# side-by-side harness (BENCH_DIR, see docs/performance.md), and says so.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
JAR=${LOOMLAB_JAR:-$ROOT/target/server.jar}
LOOMLAB_OPTS=${LOOMLAB_OPTS-}
LOAD_OPTS=${LOAD_OPTS-}
CLIENTS=${CLIENTS:-1000}
CONCURRENCY=${CONCURRENCY:-50}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
OUT=${OUT:-$ROOT/target/bench}
BENCH_DIR=${BENCH_DIR:-/work/bench}
mkdir -p "$OUT"
[ -f "$JAR" ] || { echo "self-load: $JAR missing: run 'make build' first" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# A build with the load generator lists 'load' among its commands in --help.
if ! "$JAVA" -jar "$JAR" --help 2>/dev/null | grep -Eq '^ +load( |$)'; then
  echo "self-load: this build has no 'load' command yet; using the Go load generator of the harness instead" >&2
  if [ -x "$BENCH_DIR/loadgen/loadgen" ]; then
    for w in echo calc udpcalc; do
      CONNS=$CLIENTS CONCURRENCY=$CONCURRENCY DURATION=${DURATION%s} WARMUP=${WARMUP%s} OUTDIR=$OUT \
        "$HERE/compare.sh" "$w" project || exit $?
    done
    exit 0
  fi
  echo "self-load: no harness in $BENCH_DIR either (see docs/performance.md): load run skipped" >&2
  exit 0
fi

for port in 19800 19809; do
  if ss -Hlnt "( sport = :$port )" | grep -q .; then echo "self-load: port $port is in use" >&2; exit 2; fi
done
$JAVA $LOOMLAB_OPTS -jar "$JAR" --quiet --config "$HERE/loomlab-bench.json" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
until ss -Hlnt "( sport = :19800 )" | grep -q .; do
  kill -0 $SERVER 2>/dev/null || { echo "self-load: the server did not start:" >&2; cat "$OUT/server.log" >&2; exit 2; }
  sleep 0.1
done

cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12+$13}'; }
run() { # NAME PORT CLIENTS
  local name=$1 port=$2 clients=$3 c0 c1 rss=0 r lp rc
  c0=$(cpu_ticks $SERVER)
  $JAVA $LOAD_OPTS -jar "$JAR" load "$name" --port "$port" --clients "$clients" --duration "$DURATION" \
    --warmup "$WARMUP" --quiet --json "$OUT/load-$name.json" &
  lp=$!
  while kill -0 $lp 2>/dev/null; do
    r=$(awk '/VmRSS/{print $2}' /proc/$SERVER/status); [ "${r:-0}" -gt "$rss" ] && rss=$r
    sleep 0.2
  done
  wait $lp; rc=$?
  c1=$(cpu_ticks $SERVER)
  python3 - "$OUT/load-$name.json" "$((c1 - c0))" "$(getconf CLK_TCK)" "$rss" "$name" <<'PY'
import json, sys
path, ticks, hz, rss, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
try:
    r = json.load(open(path))
except Exception:
    r = {}
n = r.get("requests") or r.get("total", {}).get("requests") or 0
cpu_s = ticks / hz
per = "%.1f" % (cpu_s * 1e6 / n) if n else "?"
print("server during '%s' (warm-up included): CPU %.1f s, %s µs per request, peak RSS %.1f MB" % (name, cpu_s, per, rss / 1024))
PY
  return $rc
}
status=0
run echo 19800 "$CLIENTS" || status=$?
run calc 19809 "$CONCURRENCY" || status=$?
run udp-calc 19809 "$CONCURRENCY" || status=$?
echo "JSON reports in $OUT"
exit $status
