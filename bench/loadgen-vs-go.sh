#!/usr/bin/env bash
# bench/loadgen-vs-go.sh -- 'loomlab load' against the Go load generator of the side-by-side
# harness, on the same pinned core, against the same pinned loomlab virtual-thread echo server.
# For each run: a fresh server (a one-service echo config on port 0) on core SERVER_CORE, one load
# generator on core LOAD_CORE, N persistent echo clients, 64-byte messages. The load process's CPU
# time (utime+stime from /proc/PID/stat) is sampled every 0.1 s; the figure is its CPU time per
# answer inside the measured window (1 s cut off at both ends of the window, so that the connects
# and the stop are not in it), plus answers/s over the window and the server's CPU per answer.
# The window is found from the outside: for Go, launch + its connect phase (connect_phase_ms in
# its JSON) + warm-up; for loomlab, its progress lines on stderr ("measuring 3/10 s", +-0.5 s).
# CPU per answer = (CPU seconds per second inside the cut window) / (answers per second of the
# whole window), which holds while the load is steady. "JIT" is the part of the load process's
# CPU spent by its C1/C2 compiler threads (0 for Go).
# Runs alternate Go / loomlab (the order flips every round); the table gives medians and min-max.
# WORKLOAD=calc does the same with the calc workload: a one-service calc server, CLIENTS concurrent
# clients that each open a new connection per request (Go: --concurrency), no --size.
#
#   bench/loadgen-vs-go.sh HARNESS_DIR           (after 'make build'; HARNESS_DIR/loadgen/loadgen built)
#   ROUNDS=5 CLIENTS=10000 DURATION=10 bench/loadgen-vs-go.sh /work/bench-loadperf
#
# Environment: JAVA_HOME, WORKLOAD [echo] (echo or calc), ROUNDS [5], CLIENTS [10000; calc 50],
# SIZE [64], DURATION [10] and WARMUP [2] (seconds), SERVER_CORE [0], LOAD_CORE [1], LOAD_OPTS
# (JVM flags of 'loomlab load'), GO_ARGS (extra loadgen flags, e.g. "--timeout 5"), OUT [target/bench/loadgen-vs-go],
# JARS: the 'loomlab load' builds to compare, as LABEL=JAR[|JVM flags], space-separated
# [loomlab=target/server.jar], e.g. JARS="before=/tmp/old.jar after=target/server.jar".
# The server is always LOOMLAB_JAR [target/server.jar].
# Never part of 'make test': the figures depend on the machine and on what else runs on it.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
[ $# -eq 1 ] || { echo "usage: bench/loadgen-vs-go.sh HARNESS_DIR   (the copy of the side-by-side harness, with loadgen/loadgen built)" >&2; exit 1; }
LOADGEN=$1/loadgen/loadgen
[ -x "$LOADGEN" ] || { echo "loadgen-vs-go: $LOADGEN missing: cd $1/loadgen && go build -o loadgen ." >&2; exit 2; }
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=${LOOMLAB_JAR:-$ROOT/target/server.jar}
[ -f "$JAR" ] || { echo "loadgen-vs-go: $JAR missing: run 'make build' first" >&2; exit 2; }
command -v taskset >/dev/null || { echo "loadgen-vs-go: taskset missing (util-linux)" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
export LOADGEN JAR ROOT
exec python3 - <<'PY'
import json, os, re, statistics, subprocess, sys, threading, time

env = os.environ
JAVA = env["JAVA_HOME"] + "/bin/java"
JAR, LOADGEN = env["JAR"], env["LOADGEN"]
ROUNDS = int(env.get("ROUNDS", "5"))
WORKLOAD = env.get("WORKLOAD", "echo")
if WORKLOAD not in ("echo", "calc"):
    sys.exit(f"loadgen-vs-go: WORKLOAD={WORKLOAD}: use echo or calc")
CLIENTS = int(env.get("CLIENTS", "10000" if WORKLOAD == "echo" else "50"))
SIZE = int(env.get("SIZE", "64"))
DURATION = float(env.get("DURATION", "10"))
WARMUP = float(env.get("WARMUP", "2"))
SERVER_CORE = env.get("SERVER_CORE", "0")
LOAD_CORE = env.get("LOAD_CORE", "1")
LOAD_OPTS = env.get("LOAD_OPTS", "").split()
GO_ARGS = env.get("GO_ARGS", "").split()
OUT = env.get("OUT", env["ROOT"] + "/target/bench/loadgen-vs-go")
MARGIN = 1.0  # seconds cut off at each end of the window
HZ = os.sysconf("SC_CLK_TCK")
os.makedirs(OUT, exist_ok=True)

def ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)

def jit_ticks(pid):
    """CPU ticks of the JIT compiler threads (C1/C2 CompilerThread), 0 for a Go process."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                head, tail = f.read().rsplit(")", 1)
        except FileNotFoundError:
            continue
        if "CompilerThre" in head:
            fields = tail.split()
            total += int(fields[11]) + int(fields[12])
    return total

class Sampler(threading.Thread):
    """(monotonic time, load ticks, server ticks, load JIT ticks) every 0.1 s while the load process runs."""
    def __init__(self, load, server):
        super().__init__(daemon=True)
        self.load, self.server, self.samples, self.done = load, server, [], False
    def run(self):
        while not self.done:
            try:
                self.samples.append((time.monotonic(), ticks(self.load), ticks(self.server), jit_ticks(self.load)))
            except (FileNotFoundError, ProcessLookupError, IndexError):
                return
            time.sleep(0.1)
    def over(self, a, b):
        inside = [s for s in self.samples if a <= s[0] <= b]
        if len(inside) < 2:
            return None
        (t0, l0, s0, j0), (t1, l1, s1, j1) = inside[0], inside[-1]
        return t1 - t0, (l1 - l0) / HZ, (s1 - s0) / HZ, (j1 - j0) / HZ

def start_server(tag):
    config = f"{OUT}/server-{tag}.json"
    with open(config, "w") as f:
        json.dump({"logLevel": "info", "shutdownGrace": "1s", "services": [{"name": WORKLOAD, "protocol": WORKLOAD,
                   "transport": "tcp", "host": "127.0.0.1", "port": 0, "mode": "virtual", "maxConnections": 20000}]}, f)
    log = open(f"{OUT}/server-{tag}.log", "w+")
    p = subprocess.Popen(["taskset", "-c", SERVER_CORE, JAVA, "-jar", JAR, "--config", config],
                         stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        log.seek(0)
        m = re.search(r"on tcp 127\.0\.0\.1:(\d+)", log.read())
        if m:
            return p, int(m.group(1))
        if p.poll() is not None:
            break
        time.sleep(0.1)
    p.kill()
    sys.exit(f"loadgen-vs-go: the server did not start, see {OUT}/server-{tag}.log")

def stop(p):
    p.terminate()
    try:
        p.wait(10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()

def run_go(tag, server, port):
    clients = ["--conns", str(CLIENTS), "--size", str(SIZE)] if WORKLOAD == "echo" else ["--concurrency", str(CLIENTS)]
    cmd = ["taskset", "-c", LOAD_CORE, LOADGEN, WORKLOAD, "--addr", f"127.0.0.1:{port}"] + clients + [
           "--duration", f"{DURATION:g}", "--warmup", f"{WARMUP:g}"] + GO_ARGS
    launched = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    s = Sampler(p.pid, server.pid); s.start()
    out, _ = p.communicate()
    s.done = True; s.join()
    open(f"{OUT}/{tag}.txt", "w").write(out)
    r = json.loads(out.strip().splitlines()[-1])
    window_start = launched + r.get("connect_phase_ms", 0) / 1000 + WARMUP
    errors = r["errors"] + r["connect_failures"]
    return cmd, s, window_start, r["requests"], DURATION, errors

def run_loomlab(tag, server, port):
    jar, opts = LOOMLAB[tag.split(".")[0]]
    size = ["--size", str(SIZE)] if WORKLOAD == "echo" else []
    cmd = ["taskset", "-c", LOAD_CORE, JAVA] + LOAD_OPTS + opts + ["-jar", jar, "load", WORKLOAD, "--port", str(port),
           "--clients", str(CLIENTS)] + size + ["--duration", f"{DURATION:g}s", "--warmup", f"{WARMUP:g}s",
           "--json", f"{OUT}/{tag}.json"]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    s = Sampler(p.pid, server.pid); s.start()
    # The progress line on stderr, once a second: "measuring 3/10 s ..." -- the window opened
    # about 3 s before the first such line (the elapsed time is rounded: +-0.5 s).
    lines, first_measuring, last_before = [], None, None
    for line in p.stderr:
        now = time.monotonic()
        lines.append(line)
        m = re.match(r"(\S+) (\d+)/\d+ s", line.strip())
        if m and m.group(1) == "measuring" and first_measuring is None:
            first_measuring = now - int(m.group(2))
        elif m and first_measuring is None:
            last_before = now
    out = p.stdout.read()
    p.wait()
    s.done = True; s.join()
    open(f"{OUT}/{tag}.txt", "w").write("".join(lines) + out)
    if first_measuring is None:
        sys.exit(f"loadgen-vs-go: no measuring phase seen, see {OUT}/{tag}.txt")
    window_start = max(first_measuring, last_before or 0)
    r = json.load(open(f"{OUT}/{tag}.json"))
    errors = r["connectFailures"] + r["requestErrors"] + r["mismatches"]
    return cmd, s, window_start, r["requests"], r["windowSeconds"], errors

LOOMLAB = {}
for spec in env.get("JARS", "loomlab=" + JAR).split():
    label, _, rest = spec.partition("=")
    jar, _, flags = rest.partition("|")
    LOOMLAB[label] = (jar, flags.split())
GENERATORS = {"go": run_go}
GENERATORS.update({label: run_loomlab for label in LOOMLAB})
results = {g: [] for g in GENERATORS}
commands = {}
for rnd in range(1, ROUNDS + 1):
    order = list(GENERATORS) if rnd % 2 else list(reversed(GENERATORS))
    for g in order:
        tag = f"{g}.r{rnd}"
        server, port = start_server(tag)
        try:
            cmd, s, ws, answers, window, errors = GENERATORS[g](tag, server, port)
        finally:
            stop(server)
        commands[g] = " ".join(cmd).replace(str(port), "PORT").replace(OUT, "$OUT")
        span = s.over(ws + MARGIN, ws + window - MARGIN)
        if span is None or answers == 0:
            print(f"{tag}: no answers or no samples inside the window", flush=True)
            continue
        seconds, load_cpu, server_cpu, jit_cpu = span
        rate = answers / window
        row = {"rate": rate, "load_us": load_cpu / seconds / rate * 1e6, "load_share": load_cpu / seconds,
               "jit_us": jit_cpu / seconds / rate * 1e6, "server_us": server_cpu / seconds / rate * 1e6, "errors": errors}
        results[g].append(row)
        print(f"{tag}: {rate:,.0f} answers/s, load CPU {row['load_us']:.2f} us/answer ({row['load_share']*100:.0f}% of a core, "
              f"JIT compiler threads {row['jit_us']:.2f}), "
              f"server CPU {row['server_us']:.2f} us/answer, errors {errors}", flush=True)

def med(g, k):
    v = [r[k] for r in results[g]]
    return statistics.median(v), min(v), max(v)

print()
what = f"{SIZE}-byte messages" if WORKLOAD == "echo" else "a connection per request"
print(f"{CLIENTS} {WORKLOAD} clients, {what}, warm-up {WARMUP:g} s, window {DURATION:g} s "
      f"(CPU measured over the window minus {MARGIN:g} s at each end); server on core {SERVER_CORE}, load on core {LOAD_CORE}; "
      f"{ROUNDS} rounds, median (min-max)")
print()
print("| load generator | load CPU µs per answer | of which JIT compiler threads | load CPU (share of its core) | answers/s | server CPU µs per answer | errors |")
print("|---|---:|---:|---:|---:|---:|---:|")
for g in GENERATORS:
    if not results[g]:
        continue
    lu, lmin, lmax = med(g, "load_us")
    sh, _, _ = med(g, "load_share")
    ra, rmin, rmax = med(g, "rate")
    su, smin, smax = med(g, "server_us")
    ju, _, _ = med(g, "jit_us")
    print(f"| {g} | {lu:.2f} ({lmin:.2f}-{lmax:.2f}) | {ju:.2f} | {sh*100:.0f}% | {ra:,.0f} ({rmin:,.0f}-{rmax:,.0f}) | "
          f"{su:.2f} ({smin:.2f}-{smax:.2f}) | {sum(r['errors'] for r in results[g])} |")
print()
for g, c in commands.items():
    print(f"{g}: {c}")
PY
