#!/usr/bin/env python3
"""The admin-endpoint attacks of issue 16, against target/server.jar started here.

Starts the jar (optionally under `ulimit -n N`) with calc and the admin endpoint on free ports and
a stats line every second, then opens SLOW clients that send the head of a request one byte every
2 s and never finish it, plus IDLE connections that send nothing (browser tabs, a port scan).
Meanwhile, once a second, it asks calc for 2 + 3 and the admin endpoint for /health, /metrics and
/status, and reads the server's CPU time and resident memory from /proc. At the end the attackers
leave and the same probes run again: the endpoint must work without a restart.

    python3 bench/admin-attacks.py                          # 100 slow clients, default limit
    python3 bench/admin-attacks.py --ulimit 256 --slow 250  # the low-fd case
    python3 bench/admin-attacks.py --slow 0 --idle 60       # idle connections only
    python3 bench/admin-attacks.py --slow 0 --idle 60 --fill 20000   # a full server plus 60 browser tabs

Prints one line per second and a summary; exit status 0 always (it measures, it does not judge).
"""
import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

HEAD = b"GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: "


def start_server(jar, limit, java):
    cfg = {
        "logLevel": "quiet", "statsInterval": "1s",
        "admin": {"enabled": True, "port": 0},
        "services": [{"name": "calc", "protocol": "calc", "transport": "tcp", "port": 0, "readTimeout": "10m"},
                     {"name": "echo", "protocol": "echo", "transport": "tcp", "port": 0, "readTimeout": "10m"}],
    }
    fd, path = tempfile.mkstemp(suffix=".json")
    with os.fdopen(fd, "w") as f:
        json.dump(cfg, f)
    cmd = [java, "-jar", jar, "--config", path]
    if limit:
        cmd = ["bash", "-c", f"ulimit -n {limit} && exec \"$@\"", "under-ulimit"] + cmd
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    ports = {}

    def read():
        for line in p.stdout:
            lines.append(line.rstrip("\n"))
            m = re.search(r"serving (calc|echo) \(\S+\) on tcp \S+:(\d+)", line)
            if m:
                ports[m.group(1)] = int(m.group(2))
            m = re.search(r"admin endpoint on http://\S+?:(\d+)/", line)
            if m:
                ports["admin"] = int(m.group(1))
    threading.Thread(target=read, daemon=True).start()
    end = time.time() + 60
    while not {"admin", "calc", "echo"} <= ports.keys() and time.time() < end and p.poll() is None:
        time.sleep(0.1)
    if "admin" not in ports:
        print("\n".join(lines))
        sys.exit("the server did not start")
    return p, ports, lines


def proc_stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    with open(f"/proc/{pid}/status") as f:
        rss = int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) * 1024
    return ticks, rss, len(os.listdir(f"/proc/{pid}/fd"))


def calc_ok(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=3) as s:
            s.settimeout(3)
            s.sendall(b"2\x003\x000\x00")
            data = b""
            while not data.endswith(b"\x00\x00") and len(data) < 100:
                chunk = s.recv(100)
                if not chunk:
                    break
                data += chunk
            return data == b"5\x00\x00"
    except OSError:
        return False


def http_status(port, path):
    """The status code of GET path, or a word for what went wrong."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=3) as s:
            s.settimeout(3)
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            if not data:
                return "empty"
            head, _, body = data.partition(b"\r\n\r\n")
            code = head.split(b" ")[1].decode()
            return code if body or path == "/health" else code + "-nobody"
    except socket.timeout:
        return "timeout"
    except OSError as e:
        return type(e).__name__


class Attackers:
    """Each attacker connects on its own thread: those the server does not take yet keep trying, as a real one would."""

    def __init__(self, port, slow, idle):
        self.socks = []
        self.slow = []
        self.refused = 0
        self.stop = False
        self.lock = threading.Lock()
        for i in range(slow + idle):
            threading.Thread(target=self.connect, args=(port, i < slow), daemon=True).start()
        self.thread = threading.Thread(target=self.drip, daemon=True)
        self.thread.start()

    def connect(self, port, slow):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=60)
        except OSError:
            with self.lock:
                self.refused += 1
            return
        s.setblocking(False)
        with self.lock:
            if self.stop:
                s.close()
                return
            self.socks.append(s)
            if slow:
                self.slow.append(s)

    def drip(self):
        sent = 0
        while not self.stop:
            byte = HEAD[sent:sent + 1] if sent < len(HEAD) else b"a"
            sent += 1
            with self.lock:
                slow = list(self.slow)
            for s in slow:
                try:
                    s.send(byte)
                except OSError:
                    pass
            for _ in range(20):
                if self.stop:
                    return
                time.sleep(0.1)

    def still_open(self):
        n = 0
        with self.lock:
            socks = list(self.socks)
        for s in socks:
            try:
                data = s.recv(65536)
                if data:
                    n += 1  # the server answered something (an error page): still open until it closes
            except BlockingIOError:
                n += 1
            except OSError:
                pass
        return n

    def leave(self):
        with self.lock:
            self.stop = True
            for s in self.socks:
                s.close()


def hold(port, count):
    """Child process: open count idle connections, say so, keep them until stdin closes."""
    socks = []
    for _ in range(count):
        try:
            socks.append(socket.create_connection(("127.0.0.1", port), timeout=60))
        except OSError:
            break
    print(len(socks), flush=True)
    sys.stdin.read()


def fill(ports, total):
    """Idle service connections, half to echo and half to calc, 5000 per helper process."""
    helpers = []
    per = 5000
    for i in range(0, total, per):
        port = ports["echo"] if (i // per) % 2 == 0 else ports["calc"]
        n = min(per, total - i)
        h = subprocess.Popen(["bash", "-c", f"ulimit -n {n + 100} && exec \"$@\"", "hold", sys.executable, __file__,
                              "--hold", str(port), str(n)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        helpers.append(h)
    opened = sum(int(h.stdout.readline() or 0) for h in helpers)
    print(f"{opened} idle service connections opened (the server takes what its budget allows, the rest wait)")
    return helpers


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--hold":
        hold(int(sys.argv[2]), int(sys.argv[3]))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jar", default="target/server.jar")
    ap.add_argument("--java", default=os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin/java"))
    ap.add_argument("--ulimit", type=int, default=0, help="open files limit of the server (default: this shell's)")
    ap.add_argument("--slow", type=int, default=100, help="clients sending a request head one byte every 2 s")
    ap.add_argument("--idle", type=int, default=0, help="connections that send nothing")
    ap.add_argument("--seconds", type=int, default=40, help="how long the attack lasts")
    ap.add_argument("--after", type=int, default=10, help="seconds of probes after the attackers left")
    ap.add_argument("--fill", type=int, default=0, help="idle service connections opened first (a full server)")
    args = ap.parse_args()

    p, ports, lines = start_server(args.jar, args.ulimit, args.java)
    print(f"server pid {p.pid}, calc :{ports['calc']}, admin :{ports['admin']}, limit {args.ulimit or 'inherited'}")
    helpers = []
    try:
        if args.fill:
            helpers = fill(ports, args.fill)
            time.sleep(2)
        t0 = time.time()
        ticks0, _, _ = proc_stat(p.pid)
        att = Attackers(ports["admin"], args.slow, args.idle)
        print(f"{args.slow} slow and {args.idle} idle attackers connecting; 'attackers-open' counts those the server took")
        print("   t  attackers-open  calc  /health  /metrics  /status   cpu%   rss-MB  fds")
        last_t, last_ticks = time.time(), ticks0
        calc_fail = 0
        probes = 0

        def probe(label, open_count):
            nonlocal last_t, last_ticks, calc_fail, probes
            ok = calc_ok(ports["calc"])
            probes += 1
            calc_fail += 0 if ok else 1
            h, m, s = (http_status(ports["admin"], x) for x in ("/health", "/metrics", "/status"))
            now = time.time()
            ticks, rss, fds = proc_stat(p.pid)
            cpu = 100.0 * (ticks - last_ticks) / os.sysconf("SC_CLK_TCK") / (now - last_t)
            last_t, last_ticks = now, ticks
            print(f"{label:>4}  {open_count:>14}  {'ok' if ok else 'FAIL':>4}  {h:>7}  {m:>8}  {s:>7}  {cpu:5.1f}  {rss >> 20:7}  {fds:4}",
                  flush=True)

        while time.time() - t0 < args.seconds:
            time.sleep(max(0.0, 1 - (time.time() - last_t)))
            probe(f"{time.time() - t0:.0f}", att.still_open())
        attack_ticks, _, _ = proc_stat(p.pid)
        attack_cpu = 100.0 * (attack_ticks - ticks0) / os.sysconf("SC_CLK_TCK") / (time.time() - t0)
        open_at_end = att.still_open()
        connected = len(att.socks)
        att.leave()
        print("attackers left")
        t1 = time.time()
        while time.time() - t1 < args.after:
            time.sleep(max(0.0, 1 - (time.time() - last_t)))
            probe(f"+{time.time() - t1:.0f}", 0)
        errors = [l for l in lines if "Exception" in l or "Error" in l]
        stats = [l for l in lines if "stats:" in l]
        print(f"summary: attack {args.seconds} s, {connected} attackers got a connection, {open_at_end} still open at its end,"
              f" server CPU {attack_cpu:.1f}% of a core during it, calc failed {calc_fail} of {probes} probes,"
              f" {len(stats)} stats lines, {len(errors)} log lines naming an exception or error")
        for l in errors[:5]:
            print("  " + l[:200])
        if stats:
            print("  last stats line: " + stats[-1][:300])
    finally:
        for h in helpers:
            h.kill()
            h.wait()
        p.kill()
        p.wait()


if __name__ == "__main__":
    main()
