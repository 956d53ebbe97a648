#!/usr/bin/env bash
# 'make release-check': the release configuration, checked offline, without credentials.
#   1. jreleaser assembles the jar distribution in target/jreleaser (as 'make test' does);
#   2. packaging/smoke-test.sh, the release workflow's smoke test, runs the archive's bin/loomlab;
#   3. jreleaser validates jreleaser.yml as the release workflow will use it.
# Step 3 reads git: HEAD, and a remote named origin with a hosting URL. Your checkout may have
# neither in that form (a linked worktree, which jreleaser's JGit cannot read; no origin; an
# origin that is a local path), and this script does not touch it. Instead it validates a scratch
# copy of the working tree (target/release-check: tracked and new files, the built jar) with a
# one-commit history and an origin that is only read, never fetched or pushed.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=${MVN:-mvn}
read -r -a MVN_FLAGS <<< "${MVN_FLAGS:--B -q -e}"
# jreleaser:config insists on a token value; nothing is sent anywhere in dry-run mode.
export JRELEASER_GITHUB_TOKEN=offline-release-check
ORIGIN=https://github.com/loomlab/loomlab.git
SCRATCH=target/release-check

[ -f target/server.jar ] || { echo "release-check: target/server.jar is missing; run 'make build' first" >&2; exit 2; }

echo "release-check: assembling the jar distribution"
"$MVN" "${MVN_FLAGS[@]}" -Djreleaser.dry.run=true jreleaser:assemble

rm -rf "$SCRATCH"
mkdir -p "$SCRATCH/target" "$SCRATCH/unpacked"

echo "release-check: smoke test of the jar distribution's bin/loomlab (the release workflow's, for native binaries)"
tar -xzf target/jreleaser/assemble/loomlab/java-archive/loomlab-*.tgz -C "$SCRATCH/unpacked"
packaging/smoke-test.sh "$(echo "$SCRATCH"/unpacked/loomlab-*/bin/loomlab)"
rm -rf "$SCRATCH/unpacked"

echo "release-check: validating jreleaser.yml (in $SCRATCH)"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard \
    | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$SCRATCH"
else
  tar --exclude=./target --exclude=./.git -cf - . | tar -xf - -C "$SCRATCH"
fi
cp target/server.jar "$SCRATCH/target/"
git -C "$SCRATCH" init -q
git -C "$SCRATCH" add -A
git -C "$SCRATCH" -c user.name=release-check -c user.email=release-check@localhost \
  -c commit.gpgsign=false commit -q -m "release-check snapshot of the working tree"
git -C "$SCRATCH" remote add origin "$ORIGIN"
# jreleaser:config prints the resolved configuration: kept in a file, read it when in doubt.
if ! (cd "$SCRATCH" && "$MVN" "${MVN_FLAGS[@]}" -Djreleaser.dry.run=true jreleaser:assemble jreleaser:config) \
    > "$SCRATCH/jreleaser-config.txt"; then
  cat "$SCRATCH/jreleaser-config.txt" >&2
  echo "release-check: jreleaser.yml does not validate (see above)" >&2
  exit 1
fi

echo "release-check: ok: jreleaser.yml validates (resolved config: $SCRATCH/jreleaser-config.txt);"
echo "  jar distribution: target/jreleaser/assemble/loomlab/java-archive/loomlab-*.{zip,tgz}"
