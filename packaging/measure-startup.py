#!/usr/bin/env python3
"""Start-up time and idle memory of a loomlab server command, as docs/native-image.md reports them.

    python3 packaging/measure-startup.py [--runs 10] -- java -jar target/server.jar
    python3 packaging/measure-startup.py [--runs 10] -- target/server

Each run starts the command with a one-service config (echo on 127.0.0.1, port 0), reads the
bound port from its start-up line, and measures, from just before the process is created:
  start-up  until a first connection is accepted and answers one echo round trip;
  RSS idle  VmRSS from /proc/PID/status one second after that round trip (Linux only).
Then it sends SIGTERM and checks the exit code is 0. Prints each run and the median, min, max.
Loopback only; one server at a time.
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time

SERVING = re.compile(r"serving echo \(echo/tcp\) on tcp 127\.0\.0\.1:(\d+)")
CONFIG = '{"services": [{"name": "echo", "protocol": "echo", "transport": "tcp", "host": "127.0.0.1", "port": 0}]}'


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


def one_run(command, config):
    t0 = time.perf_counter()
    server = subprocess.Popen(command + ["--config", config], stderr=subprocess.PIPE, text=True)
    try:
        port = None
        for line in server.stderr:
            match = SERVING.search(line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            raise SystemExit(f"no start-up line from {' '.join(command)} (exit {server.wait()})")
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"ping\n")
            reply = b""
            while len(reply) < 5:
                chunk = s.recv(5 - len(reply))
                if not chunk:
                    break
                reply += chunk
        startup_ms = (time.perf_counter() - t0) * 1000
        if reply != b"ping\n":
            raise SystemExit(f"bad echo reply {reply!r}")
        time.sleep(1)  # let the first connection's work settle before sampling idle memory
        rss = rss_kib(server.pid) if sys.platform.startswith("linux") else None
        server.terminate()  # SIGTERM: graceful stop
        code = server.wait(timeout=30)
        if code != 0:
            raise SystemExit(f"exit code {code} after SIGTERM")
        return startup_ms, rss
    finally:
        if server.poll() is None:
            server.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the server command")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the server command after --")
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "echo.json")
        with open(config, "w") as f:
            f.write(CONFIG)
        results = []
        for i in range(args.runs):
            startup_ms, rss = one_run(command, config)
            results.append((startup_ms, rss))
            print(f"run {i + 1}: start-up to first echo {startup_ms:.0f} ms, RSS idle "
                  + (f"{rss / 1024:.1f} MiB" if rss else "n/a"), flush=True)
    times = [r[0] for r in results]
    print(f"start-up to first echo: median {statistics.median(times):.0f} ms "
          f"(min {min(times):.0f}, max {max(times):.0f}, {len(times)} runs)")
    rss = [r[1] for r in results if r[1]]
    if rss:
        print(f"RSS idle: median {statistics.median(rss) / 1024:.1f} MiB "
              f"(min {min(rss) / 1024:.1f}, max {max(rss) / 1024:.1f})")


if __name__ == "__main__":
    main()
