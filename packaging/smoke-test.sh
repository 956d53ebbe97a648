#!/usr/bin/env bash
# Smoke test of a loomlab executable: the native binary (release workflow) or the jar
# distribution's bin/loomlab ('make release-check'). Starts the server on free loopback ports,
# asks echo, calc and UDP calc with the executable's own clients, checks each answer, then stops
# it: SIGTERM and exit 0 where there are signals, a plain kill on Windows.
#   packaging/smoke-test.sh target/server
set -euo pipefail
bin=${1:?usage: packaging/smoke-test.sh EXECUTABLE}

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

cat > "$work/smoke.json" <<'EOF'
{ "shutdownGrace": "2s",
  "services": [
    { "name": "echo",     "protocol": "echo", "transport": "tcp", "host": "127.0.0.1", "port": 0 },
    { "name": "calc",     "protocol": "calc", "transport": "tcp", "host": "127.0.0.1", "port": 0 },
    { "name": "calc-udp", "protocol": "calc", "transport": "udp", "host": "127.0.0.1", "port": 0 } ] }
EOF

"$bin" --version
"$bin" --config "$work/smoke.json" > "$work/server.log" 2>&1 &
pid=$!

# The bound port of a service, from its start-up line "serving NAME (...) on TRANSPORT 127.0.0.1:PORT, ...".
port() { sed -n "s/.*serving $1 (.*) on $2 127\.0\.0\.1:\([0-9]*\),.*/\1/p" "$work/server.log" | head -1; }
for _ in $(seq 300); do
  [ -n "$(port calc-udp udp)" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/server.log"; echo "smoke: the server exited" >&2; exit 1; }
  sleep 0.1
done
cat "$work/server.log"
[ -n "$(port calc-udp udp)" ] || { echo "smoke: the server did not start within 30 s" >&2; exit 1; }

expect() {
  local want=$1; shift
  local got
  got=$("$bin" "$@" | tr -d '\r')
  [ "$got" = "$want" ] || { echo "smoke: '$*' answered '$got', expected '$want'" >&2; exit 1; }
  echo "smoke: $* -> $got"
}
expect "hola" client echo -q 127.0.0.1 "$(port echo tcp)" hola
expect "-3" client calc -q 127.0.0.1 "$(port calc tcp)" 5 8 1
expect "13" client udp-calc -q 127.0.0.1 "$(port calc-udp udp)" 5 8 0

if [ "${OS:-}" = Windows_NT ]; then
  taskkill //F //IM "$(basename "$bin")" # no SIGTERM on Windows
else
  kill -TERM "$pid"
  status=0
  wait "$pid" || status=$?
  [ "$status" = 0 ] || { cat "$work/server.log"; echo "smoke: exit $status after SIGTERM, expected 0" >&2; exit 1; }
  grep -q "SIGTERM: stopping" "$work/server.log"
  echo "smoke: stopped by SIGTERM, exit 0"
fi
pid=
echo "smoke: ok"
