#!/usr/bin/env python3
"""bench/startup.py -- time from launching a server to its first served echo.

   bench/startup.py [--runs N] [--port P] -- COMMAND...

Starts COMMAND, then tries to connect to 127.0.0.1:P every 0.5 ms. Prints, per run and as the
median: 'connect' = the first connect that succeeds (the port is listening: the kernel completes
the handshake before the server calls accept), 'echo' = the first byte echoed back (the accept
loop and a connection thread are running), 'cpu' = the server's CPU time (all threads) at that
moment, which a busy machine disturbs less than the wall-clock times. The server is stopped
(SIGTERM) after each run.
"""
import os, signal, socket, statistics, subprocess, sys, time

def main():
    args = sys.argv[1:]
    runs, port = 10, 19800
    while args and args[0] != "--":
        if args[0] == "--runs": runs = int(args[1]); args = args[2:]
        elif args[0] == "--port": port = int(args[1]); args = args[2:]
        else: sys.exit(__doc__)
    cmd = args[1:]
    if not cmd: sys.exit(__doc__)
    connects, echoes, cpus = [], [], []
    hz = os.sysconf("SC_CLK_TCK")
    for r in range(runs):
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t_conn = t_echo = None
        deadline = t0 + 20
        while time.monotonic() < deadline and p.poll() is None:
            s = socket.socket()
            try:
                s.connect(("127.0.0.1", port))
                t_conn = time.monotonic()
                s.settimeout(10)
                s.sendall(b"x")
                if s.recv(1) == b"x":
                    t_echo = time.monotonic()
                    with open("/proc/%d/stat" % p.pid) as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                    cpu = (int(fields[11]) + int(fields[12])) * 1000 / hz
                break
            except OSError:
                time.sleep(0.0005)
            finally:
                s.close()
        p.send_signal(signal.SIGTERM)
        try: p.wait(10)
        except subprocess.TimeoutExpired: p.kill(); p.wait()
        if t_conn is None or t_echo is None:
            print("run %d: no echo within 20 s (exit %s)" % (r + 1, p.returncode)); continue
        connects.append((t_conn - t0) * 1000); echoes.append((t_echo - t0) * 1000); cpus.append(cpu)
        print("run %d: connect %.0f ms, echo %.0f ms, cpu %.0f ms" % (r + 1, connects[-1], echoes[-1], cpu))
    if echoes:
        print("median of %d: connect %.0f ms, echo %.0f ms (min %.0f, max %.0f), cpu %.0f ms" % (len(echoes),
              statistics.median(connects), statistics.median(echoes), min(echoes), max(echoes),
              statistics.median(cpus)))

if __name__ == "__main__":
    main()
