#!/usr/bin/env bash
# bench/aot-train.sh -- builds the class-data archive that makes loomlab start faster ('make aot').
#
# A training run serves a little of everything (echo, calc in virtual and serial mode, UDP calc)
# on ephemeral ports and is then stopped; the JVM writes at exit:
#   JDK 25+:   target/server.aot  (AOT cache: classes loaded and linked, method profiles)
#              run with: java -XX:AOTCache=target/server.aot -jar target/server.jar
#   JDK 21-24: target/server.jsa  (dynamic AppCDS archive)
#              run with: java -XX:SharedArchiveFile=target/server.jsa -jar target/server.jar
# The archive belongs to this exact jar (same path, size and time) and JDK: rebuild it after
# 'make build' (a stale one is refused by the JVM with a warning, and loomlab then starts
# without it). LOOMLAB_JAR=path trains another jar; the archive goes next to it. JAVA_OPTS are
# passed to the training run: start the server with the same ones (the JVM refuses an archive
# made with another object layout, e.g. -XX:+UseCompactObjectHeaders on or off).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java
JAR=${LOOMLAB_JAR:-$ROOT/target/server.jar}   # the archive is written next to it
JAVA_OPTS=${JAVA_OPTS:-}
[ -f "$JAR" ] || { echo "aot-train: $JAR missing: run 'make build' first" >&2; exit 2; }
major=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
if [ "$major" -ge 25 ]; then
  OUT=${JAR%.jar}.aot; FLAG="-XX:AOTCacheOutput=$OUT"; USE="-XX:AOTCache=$OUT"
else
  OUT=${JAR%.jar}.jsa; FLAG="-XX:ArchiveClassesAtExit=$OUT"; USE="-XX:SharedArchiveFile=$OUT"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat >"$WORK/train.json" <<'JSON'
{ "logLevel": "quiet", "shutdownGrace": "1s",
  "services": [
    { "name": "echo", "protocol": "echo", "transport": "tcp", "host": "127.0.0.1", "port": 0 },
    { "name": "calc", "protocol": "calc", "transport": "tcp", "host": "127.0.0.1", "port": 0 },
    { "name": "calc-serial", "protocol": "calc", "transport": "tcp", "host": "127.0.0.1", "port": 0, "mode": "serial" },
    { "name": "calc-udp", "protocol": "calc", "transport": "udp", "host": "127.0.0.1", "port": 0 } ] }
JSON
rm -f "$OUT"
echo "aot-train: training run (JDK $major) -> $OUT"
"$JAVA" $JAVA_OPTS $FLAG -jar "$JAR" --config "$WORK/train.json" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do [ "$(grep -c '^.*serving ' "$WORK/server.log")" -ge 4 ] && break; sleep 0.1; done
port() { sed -n "s/.*serving $1 (.*) on [a-z]* 127.0.0.1:\([0-9]*\).*/\1/p" "$WORK/server.log" | head -1; }
python3 - "$(port echo)" "$(port calc)" "$(port calc-serial)" "$(port calc-udp)" <<'PY'
import socket, struct, sys
echo, calc, serial, udp = (int(p) for p in sys.argv[1:5])
conns = [socket.create_connection(("127.0.0.1", echo)) for _ in range(20)]
for i in range(100):
    for c in conns:
        c.sendall(b"x" * 64)
        got = b""
        while len(got) < 64: got += c.recv(64 - len(got))
for c in conns: c.close()
for port in (calc, serial):
    for i in range(200):
        with socket.create_connection(("127.0.0.1", port)) as c:
            c.sendall(b"%d\0%d\0%d\0" % (i, 7, i % 2))
            while c.recv(64): pass  # the reply, then the server closes
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.settimeout(2)
for i in range(500):
    u.sendto(struct.pack("<III", i, 1, 0), ("127.0.0.1", udp)); u.recv(4)
PY
kill -TERM $SERVER
wait $SERVER || true
if [ -f "$OUT" ]; then
  echo "aot-train: done: $(du -h "$OUT" | cut -f1) $OUT"
  echo "aot-train: start loomlab with: java ${JAVA_OPTS:+$JAVA_OPTS }$USE -jar $JAR"
else
  echo "aot-train: the JVM wrote no archive; its output:" >&2; cat "$WORK/server.log" >&2; exit 2
fi
