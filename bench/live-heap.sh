#!/usr/bin/env bash
# bench/live-heap.sh -- what an idle connection keeps on a Java server's heap, class by class.
#
#   bench/live-heap.sh [-n CONNS] [-p PORT] -- SERVER COMMAND...
#
# Starts the server command (a JVM serving echo on PORT), counts its live heap with
# 'jcmd GC.class_histogram' (which runs a full GC first), opens CONNS idle connections with the
# harness's load generator (each echoes 16 bytes, then holds), counts again, and prints the
# difference per connection, in total and for the classes that grew most. RSS counts garbage and
# GC copying as well; this counts only what the connections keep alive. Examples:
#
#   bench/live-heap.sh -n 5000 -- java -jar target/server.jar --quiet --config bench/loomlab-bench.json
#   bench/live-heap.sh -n 5000 -p 19100 -- java --enable-native-access=ALL-UNNAMED \
#       -jar /work/bench/peers/netty/target/netty-peer.jar 19100 19109 19109 little
#
# Env: BENCH_DIR (the built harness, default /work/bench), JAVA_HOME (for jcmd), HOLD (s, 30).
set -euo pipefail
CONNS=5000 PORT=19800
while [ $# -gt 0 ]; do
  case "$1" in
    -n) CONNS=$2; shift 2 ;;
    -p) PORT=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "usage: $0 [-n CONNS] [-p PORT] -- SERVER COMMAND..." >&2; exit 1 ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-n CONNS] [-p PORT] -- SERVER COMMAND..." >&2; exit 1; }
BENCH_DIR=${BENCH_DIR:-/work/bench}
LOADGEN=$BENCH_DIR/loadgen/loadgen
[ -x "$LOADGEN" ] || { echo "live-heap: $LOADGEN missing: build the harness first (docs/performance.md)" >&2; exit 2; }
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
HOLD=${HOLD:-30}
if ss -Hlnt "( sport = :$PORT )" | grep -q .; then
  echo "live-heap: port $PORT is already in use" >&2; exit 2
fi

WORK=$(mktemp -d)
"$@" >"$WORK/server.log" 2>&1 &
SERVER=$!
LOAD=
cleanup() {
  [ -n "$LOAD" ] && kill "$LOAD" 2>/dev/null || true
  kill "$SERVER" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

waited=0
until ss -Hlnt "( sport = :$PORT )" | grep -q .; do
  kill -0 "$SERVER" 2>/dev/null || { echo "live-heap: the server exited:" >&2; cat "$WORK/server.log" >&2; exit 2; }
  [ $waited -lt 300 ] || { echo "live-heap: nothing listens on $PORT after 30 s" >&2; exit 2; }
  sleep 0.1; waited=$((waited + 1))
done
sleep 2   # let start-up work (JFR, the first GC) settle before the baseline
"$JCMD" "$SERVER" GC.class_histogram >"$WORK/before.txt"
echo "live-heap: holding $CONNS idle connections on 127.0.0.1:$PORT" >&2
"$LOADGEN" idle --addr "127.0.0.1:$PORT" --conns "$CONNS" --hold "$HOLD" >"$WORK/load.log" 2>&1 &
LOAD=$!
waited=0
until [ "$(ss -Htn state established "( sport = :$PORT )" | wc -l)" -ge "$CONNS" ]; do
  kill -0 "$LOAD" 2>/dev/null || { echo "live-heap: the load generator stopped:" >&2; cat "$WORK/load.log" >&2; exit 2; }
  [ $waited -lt 600 ] || { echo "live-heap: $CONNS connections not established after 60 s" >&2; exit 2; }
  sleep 0.1; waited=$((waited + 1))
done
sleep 5   # every connection has echoed and parked
"$JCMD" "$SERVER" GC.class_histogram >"$WORK/during.txt"
python3 - "$WORK/before.txt" "$WORK/during.txt" "$CONNS" <<'PY'
import re, sys
def histogram(path):
    rows = {}
    for line in open(path):
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m: rows[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return rows
before, during, conns = histogram(sys.argv[1]), histogram(sys.argv[2]), int(sys.argv[3])
delta = {c: (during[c][0] - before.get(c, (0, 0))[0], during[c][1] - before.get(c, (0, 0))[1]) for c in during}
total = sum(b for _, b in delta.values())
print(f"live heap per idle connection: {total / conns:,.0f} B ({conns:,} connections)")
print(f"{'bytes/conn':>10} {'objects/conn':>12}  class")
for c, (n, b) in sorted(delta.items(), key=lambda kv: -kv[1][1])[:12]:
    if b / conns >= 4: print(f"{b / conns:>10,.0f} {n / conns:>12.2f}  {c}")
PY
