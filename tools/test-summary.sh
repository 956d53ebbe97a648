#!/usr/bin/env bash
# Prints how many tests ran, passed, failed and were skipped, from the JUnit XML reports that
# surefire (unit tests) and failsafe (integration tests) write. Called by 'make test' after
# 'mvn verify', whatever its outcome; a report directory that is missing (the build stopped
# before that phase) counts as nothing run there.
#   tools/test-summary.sh [TARGET_DIR [SINCE_FILE]]
# SINCE_FILE: only reports newer than it count (make test touches one before running), so that
# reports left over from earlier runs of renamed or deleted tests are not added in.
set -uo pipefail
target=${1:-target}
since=${2:-}

attr() { # attr NAME TAG: the value of NAME="..." in TAG, 0 when absent
  local v
  v=$(printf '%s' "$2" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p")
  echo "${v:-0}"
}

total_run=0 total_failed=0 total_skipped=0 lines=() failed_suites=()
for kind in surefire failsafe; do
  dir="$target/$kind-reports"
  run=0 failed=0 skipped=0 suites=0
  if [ -d "$dir" ]; then
    newer=()
    [ -n "$since" ] && [ -e "$since" ] && newer=(-newer "$since")
    while IFS= read -r -d '' report; do
      tag=$(grep -m1 -o '<testsuite [^>]*>' "$report" 2>/dev/null) || continue
      t=$(attr tests "$tag"); e=$(attr errors "$tag"); f=$(attr failures "$tag"); s=$(attr skipped "$tag")
      run=$((run + t)); failed=$((failed + e + f)); skipped=$((skipped + s)); suites=$((suites + 1))
      if [ $((e + f)) -gt 0 ]; then
        name=$(printf '%s' "$tag" | sed -n 's/.* name="\([^"]*\)".*/\1/p')
        failed_suites+=("$name ($((e + f)))")
      fi
    done < <(find "$dir" -maxdepth 1 -name 'TEST-*.xml' "${newer[@]}" -print0 2>/dev/null)
  fi
  label=$([ "$kind" = surefire ] && echo "unit" || echo "integration")
  if [ "$suites" -eq 0 ]; then
    lines+=("  $label: none ran")
  else
    lines+=("  $label: $run run, $((run - failed - skipped)) passed, $failed failed, $skipped skipped ($suites classes)")
  fi
  total_run=$((total_run + run)); total_failed=$((total_failed + failed)); total_skipped=$((total_skipped + skipped))
done

echo "tests: $total_run run, $((total_run - total_failed - total_skipped)) passed, $total_failed failed, $total_skipped skipped"
printf '%s\n' "${lines[@]}"
for s in "${failed_suites[@]}"; do echo "  failed: $s"; done
