#!/usr/bin/env bash
# Runs every loomlab subcommand with one loomlab command line and fails at the first wrong
# answer, exit code or sign of a class the runtime lacks. 'make deb' runs it twice (see
# build-deb.sh): with the JDK, recording the modules whose classes are loaded, and with the
# package's trimmed runtime, which must then do all of it too.
#   packaging/deb/check-runtime.sh COMMAND...   e.g. target/deb/root/usr/bin/loomlab
# Loopback only, free ports (port 0), a few seconds in all. LOOMLAB_CHECK_LOG=FILE keeps the
# output of every command.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: packaging/deb/check-runtime.sh COMMAND..." >&2; exit 1; }
cmd=("$@")

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
all=${LOOMLAB_CHECK_LOG:-$work/all.log}
: > "$all"

fail() { echo "check-runtime: $*" >&2; exit 1; }

# run STATUS ARGS...: loomlab ARGS must exit with STATUS (or one of 0|2); its output is in $work/out.
run() {
  local want=$1; shift
  local status=0
  "${cmd[@]}" "$@" > "$work/out" 2>&1 < /dev/null || status=$?
  { echo "\$ loomlab $*"; cat "$work/out"; } >> "$all"
  [[ "$status" =~ ^($want)$ ]] || { cat "$work/out" >&2; fail "'loomlab $*' exited $status, expected $want"; }
}
# expect TEXT ARGS...: loomlab ARGS exits 0 and prints exactly TEXT.
expect() {
  local want=$1; shift
  run 0 "$@"
  [ "$(tr -d '\r' < "$work/out")" = "$want" ] || { cat "$work/out" >&2; fail "'loomlab $*' answered the above, expected '$want'"; }
}
# has PATTERN: the last output matches the extended regex PATTERN.
has() { grep -Eq -- "$1" "$work/out" || { cat "$work/out" >&2; fail "no '$1' in the output above"; }; }

run 0 --version
has '^loomlab '
run 0 --help
commands=$(sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$work/out")
for c in $commands; do run 0 "$c" --help; done
run 0 client echo --help
run 1 --no-such-option
run 0 --print-config

# serve: every protocol, transport and mode, the admin endpoint and the stats line
cat > "$work/lab.json" <<'EOF'
{ "shutdownGrace": "2s",
  "services": [
    { "name": "echo",          "protocol": "echo", "transport": "tcp", "host": "127.0.0.1", "port": 0 },
    { "name": "calc",          "protocol": "calc", "transport": "tcp", "host": "127.0.0.1", "port": 0 },
    { "name": "calc-serial",   "protocol": "calc", "transport": "tcp", "host": "127.0.0.1", "port": 0, "mode": "serial" },
    { "name": "calc-platform", "protocol": "calc", "transport": "tcp", "host": "127.0.0.1", "port": 0, "mode": "platform" },
    { "name": "calc-udp",      "protocol": "calc", "transport": "udp", "host": "127.0.0.1", "port": 0, "order": "little" } ] }
EOF
run 0 --config "$work/lab.json" --print-config
"${cmd[@]}" serve --config "$work/lab.json" --admin-port 0 --stats-interval 1s > "$work/server.log" 2>&1 < /dev/null &
pid=$!
port() { sed -n "s/.*serving $1 (.*) on $2 127\.0\.0\.1:\([0-9]*\),.*/\1/p" "$work/server.log" | head -1; }
admin() { sed -n 's|.*admin endpoint on http://127\.0\.0\.1:\([0-9]*\)/ .*|\1|p' "$work/server.log" | head -1; }
for _ in $(seq 300); do
  [ -n "$(admin)" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/server.log" >&2; fail "the server exited"; }
  sleep 0.1
done
[ -n "$(admin)" ] || { cat "$work/server.log" >&2; fail "the server did not start within 30 s"; }

expect "hola" client echo -q 127.0.0.1 "$(port echo tcp)" hola
run 0 client echo 127.0.0.1 "$(port echo tcp)"
has '^Recibido= Esto es una cadena $'
expect "-3" client calc -q 127.0.0.1 "$(port calc tcp)" 5 8 1
expect "13" client calc -q 127.0.0.1 "$(port calc-serial tcp)" 5 8 0
expect "100000000000000000000" client calc -q 127.0.0.1 "$(port calc-platform tcp)" 99999999999999999999 1 0
expect "510" client udp-calc -q 127.0.0.1 "$(port calc-udp udp)" 10 500 0
run 2 client echo -q 127.0.0.1 1 hola   # refused: nothing listens on port 1

# the admin endpoint, read with bash alone
http_get() {
  exec 3<>"/dev/tcp/127.0.0.1/$(admin)"
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3
  cat <&3 > "$work/out"
  exec 3<&-
  { echo "GET $1"; cat "$work/out"; } >> "$all"
}
http_get /health;  has '^HTTP/1\.[01] 200'
http_get /metrics; has '^loomlab_'
http_get /status;  has '"services"'
http_get /;        has '<html'

# load: the three workloads, with the JSON report
lp=(--host 127.0.0.1 --clients 4 --duration 500ms --warmup 0s --quiet)
run 0 load echo --port "$(port echo tcp)" "${lp[@]}" --json "$work/load.json"
grep -q '"workload"' "$work/load.json" || fail "load --json wrote no report"
run 0 load calc --port "$(port calc tcp)" "${lp[@]}"
run 0 load udp-calc --port "$(port calc-udp udp)" "${lp[@]}"

# check (a student's server against the protocols), where this loomlab has it
if grep -qx check <<< "$commands"; then
  run 0 check echo 127.0.0.1 "$(port echo tcp)"
  run 0 check calc 127.0.0.1 "$(port calc tcp)"
  run 0 check udp-calc 127.0.0.1 "$(port calc-udp udp)"
fi

for _ in $(seq 100); do grep -q '] stats: ' "$work/server.log" && break; sleep 0.1; done
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=
{ echo "\$ loomlab serve (log)"; cat "$work/server.log"; } >> "$all"
[ "$status" = 0 ] || { cat "$work/server.log" >&2; fail "serve exited $status after SIGTERM, expected 0"; }
cp "$work/server.log" "$work/out"
has 'SIGTERM: stopping'
has '\[calc-udp\] stopped: '

# the address tools
run 0 addr 176.58.10.138 10.0.0.1 ::1 fe80::1 224.0.0.1
has 'is private: True'
run 0 addr --json 2001:db8::1
run 1 addr not-an-address
# whether this machine's name resolves depends on its /etc/hosts: either answer will do
run '0|2' hostname
has '^[^ ]+: [0-9a-f.:]+$|name does not resolve'
run 0 dns localhost
run 0 dns 127.0.0.1

# demo: a tiny run of every mode, the HTML report with its data
run 0 demo --clients 2 --step 500ms --warmup 0s --lab-idle 10 --lab-active 2 --out "$work/demo"   # the live page too (jdk.httpserver)
for f in index.html results.json results.csv; do
  [ -s "$work/demo/$f" ] || fail "demo wrote no $f"
done

# Whatever answered, a class the runtime lacks must not have been papered over.
if grep -En 'NoClassDefFoundError|ClassNotFoundException|ServiceConfigurationError|UnsatisfiedLinkError|are not reported: |java\.lang\.module\.' "$all" >&2; then
  fail "the runtime lacks something (above)"
fi
echo "check-runtime: ok: every subcommand answered (${commands//$'\n'/, })"
