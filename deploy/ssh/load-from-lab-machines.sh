#!/usr/bin/env bash
# Load from several lab machines at once, without Kubernetes: the same 'load' on each machine
# over ssh, one worker index each, a shared start time, then the reports fetched and merged here.
#
#   deploy/ssh/load-from-lab-machines.sh "lab01 lab02 lab03" echo --host 10.1.2.3 --clients 60000 --duration 60s
#
# Each machine needs Java 21+ and the jar at $LOOMLAB_JAR (default: ~/loomlab/server.jar; copy it
# with scp first), and ssh access without a password prompt. Every load option after the workload
# is passed on unchanged; --workers, --worker-index, --start-at and --json are set here.
# LOOMLAB_START_IN (default 30) is how many seconds ahead the shared start is: enough for every
# ssh session and JVM to be up. The merged report is printed, and written to merged.json.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 \"HOST1 HOST2 ...\" WORKLOAD [load options...]" >&2
  exit 1
fi
read -r -a hosts <<< "$1"
shift
jar=${LOOMLAB_JAR:-'~/loomlab/server.jar'}
ssh=${LOOMLAB_SSH:-ssh}
scp=${LOOMLAB_SCP:-scp}
start_in=${LOOMLAB_START_IN:-30}
out=${LOOMLAB_OUT:-loomlab-load-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out"

start_at=$(date -u -d "+${start_in} sec" +%Y-%m-%dT%H:%M:%SZ)
workers=${#hosts[@]}
echo "load: $workers workers, starting together at $start_at; reports in $out/" >&2

quoted=$(printf ' %q' "$@")
pids=()
for i in "${!hosts[@]}"; do
  host=${hosts[$i]}
  # Each worker keeps its own text report as a log; its exit code is judged after the merge.
  $ssh "$host" "java -jar $jar load$quoted --workers $workers --worker-index $i --start-at $start_at --quiet --json /tmp/loomlab-load-$i.json" \
    > "$out/worker-$i.txt" 2>&1 &
  pids+=($!)
done
failed=0
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || { echo "load: worker $i on ${hosts[$i]} exited with $? (see $out/worker-$i.txt)" >&2; failed=1; }
done
files=()
for i in "${!hosts[@]}"; do
  $scp -q "${hosts[$i]}:/tmp/loomlab-load-$i.json" "$out/load-$i.json" && files+=("$out/load-$i.json")
done
[ ${#files[@]} -gt 0 ] || { echo "load: no report could be fetched" >&2; exit 2; }
rc=0
java -jar "${LOOMLAB_LOCAL_JAR:-target/server.jar}" load merge "${files[@]}" --json "$out/merged.json" || rc=$?
# A worker that failed makes the whole run fail, even when the others' reports merge cleanly.
if [ "$rc" = 0 ] && [ "$failed" = 1 ]; then rc=4; fi
exit "$rc"
