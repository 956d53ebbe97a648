#!/usr/bin/env bash
# bench/before-after.sh -- is a change slower? Two server jars, the same harness workloads
# (bench/compare.sh: the Go load generator of the side-by-side kit), rounds interleaved so that
# both jars see the same machine, then the median and range of each figure per jar.
#
#   bench/before-after.sh BEFORE.jar AFTER.jar              (workloads: echo calc)
#   ROUNDS=5 WORKLOADS="echo calc udpcalc" bench/before-after.sh /tmp/old.jar target/server.jar
#
# To get the jar of an older commit: git worktree add /tmp/old COMMIT && make -C /tmp/old build.
# Environment: ROUNDS [3], WORKLOADS [echo calc], OUT [target/bench/before-after], and what
# bench/compare.sh takes (BENCH_DIR, DURATION, CONNS, CONCURRENCY, LOOMLAB_OPTS, ...).
# Needs a quiet machine: anything else running moves the figures more than most changes do.
# Never part of 'make test'.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 2 ] || { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1; }
BEFORE=$(realpath "$1"); AFTER=$(realpath "$2")
for j in "$BEFORE" "$AFTER"; do [ -f "$j" ] || { echo "before-after: $j: no such jar" >&2; exit 2; }; done
ROUNDS=${ROUNDS:-3}
WORKLOADS=${WORKLOADS:-echo calc}
OUT=${OUT:-$HERE/../target/bench/before-after}
mkdir -p "$OUT"
for r in $(seq 1 "$ROUNDS"); do
  # The order flips every round: the second run of a pair must not always be the same jar.
  if [ $((r % 2)) -eq 1 ]; then order="before after"; else order="after before"; fi
  for label in $order; do
    jar=$BEFORE; [ "$label" = after ] && jar=$AFTER
    for w in $WORKLOADS; do
      echo "[before-after] round $r/$ROUNDS: $label, $w" >&2
      LOOMLAB_JAR=$jar PROJECT_NAME=$label BASELINE=$label OUTDIR="$OUT/r$r" TAG="$w-$label" \
        "$HERE/compare.sh" "$w" project >"$OUT/r$r-$w-$label.md" 2>"$OUT/r$r-$w-$label.log" \
        || { echo "before-after: compare.sh failed, see $OUT/r$r-$w-$label.log" >&2; exit 2; }
    done
  done
done
python3 - "$OUT" "$ROUNDS" $WORKLOADS <<'PY'
import re, statistics, sys
out, rounds, workloads = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
cols = {"req/s": 2, "p99 µs": 5, "RSS max MB": 7, "CPU µs/req": 9, "errors": 11}
def num(s):
    return float(s.strip().replace(",", "") or "nan")
print("| workload | figure | before: median (min-max) | after: median (min-max) | after / before |")
print("|---|---|---:|---:|---:|")
for w in workloads:
    for name, col in cols.items():
        cells = {}
        for label in ("before", "after"):
            vals = []
            for r in range(1, rounds + 1):
                for line in open(f"{out}/r{r}-{w}-{label}.md", encoding="utf-8"):
                    f = line.split("|")
                    if len(f) > col and f[1].strip() == label:
                        vals.append(num(f[col]))
            cells[label] = vals
        b, a = cells["before"], cells["after"]
        if not b or not a:
            print(f"| {w} | {name} | no data | no data | |")
            continue
        one = lambda x: f"{x:,.0f}" if abs(x) >= 100 or x == int(x) else f"{x:,.1f}"
        fmt = lambda v: f"{one(statistics.median(v))} ({one(min(v))}-{one(max(v))})"
        mb, ma = statistics.median(b), statistics.median(a)
        ratio = f"{ma / mb:.3f}" if mb else ""
        print(f"| {w} | {name} | {fmt(b)} | {fmt(a)} | {ratio} |")
PY
