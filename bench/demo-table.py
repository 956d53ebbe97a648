#!/usr/bin/env python3
"""Prints a demo's results.json as the markdown tables of docs/scalability-demo.md.

    python3 bench/demo-table.py demo-report/results.json

Every figure comes from the file: nothing is typed in by hand.
"""
import json
import sys


def grouped(n):
    return f"{round(n):,}"


def size(b):
    if b is None:
        return None
    if b >= 1 << 20:
        return f"{b / 2**20:.1f} MiB"
    return f"{b / 1024:.1f} KiB" if b >= 1024 else f"{round(b)} B"


def memory(m):
    if m is None:
        return "-"
    if m["rssPerConnectionBytes"] is None:
        return f"within noise (≤ {size(m['rssUpperBoundBytes'])})" if m["rssUpperBoundBytes"] else "-"
    text = size(m["rssPerConnectionBytes"])
    if m["kernelPerConnectionBytes"] is not None:
        text += f" + {size(m['kernelPerConnectionBytes'])} kernel"
    return text


def row(s):
    if s["skipped"] is not None:
        return f"| {s['mode']} | {grouped(s['clients'])} | skipped | | | | | | |"
    f = s["answersPerClient"]
    fair = f"{f['min']} / {f['median']} / {f['max']}" if f else "-"
    cpu = f"{s['serverCpuMicrosPerAnswer']:.1f}" if s["serverCpuMicrosPerAnswer"] is not None else "-"
    p99 = f"{s['p99Ms']:.1f}" if s["p99Ms"] is not None else "-"
    storm = f"{s['allAnsweredSeconds']:.1f} s" if s["allAnsweredSeconds"] is not None else "not all"
    stopped = f" (stopped: {s['stopped'][:60]}…)" if s["stopped"] else ""
    return (f"| {s['mode']} | {grouped(s['clients'])} | {grouped(s['answersPerSecond'] or 0)}{stopped} | {cpu} | {memory(s['memory'])} "
            f"| {grouped(s['serverThreads'] or 0)} | {fair} | {p99} | {storm} | {s['errors']} |")


def main(path):
    d = json.load(open(path))
    p = d["placement"]
    print(f"Cores: servers {p['serverCores']}, load generator {p['loadCores']}" if p["pinned"] else f"Not pinned: {p['why']}")
    print(f"Run of {d['machine'].get('date', '?')}, {d['seconds']:.0f} s, {d['workload']}.\n")
    print("| mode | clients | answers/s | server CPU µs/answer | memory per connection | server threads "
          "| answers per client min / median / max | p99 ms | all answered once after | errors |")
    print("|---|---:|---:|---:|---|---:|---|---:|---:|---:|")
    for s in d["steps"]:
        if s["scenario"] == "ladder":
            print(row(s))
    lab = [s for s in d["steps"] if s["scenario"] == "lab" and s["skipped"] is None]
    if lab:
        print("\nLab scenario:\n")
        print("| mode | active + idle | active p99 ms | server RSS at load | memory per connection | server threads | errors |")
        print("|---|---:|---:|---:|---|---:|---:|")
        for s in lab:
            rss = s["memory"]["rssAtLoadBytes"] / 2**20 if s["memory"] else 0
            p99 = f"{s['p99Ms']:.1f}" if s["p99Ms"] is not None else "-"
            print(f"| {s['mode']} | {s['clients']} + {grouped(s['idle'])} | {p99} | {rss:.0f} MiB | {memory(s['memory'])} "
                  f"| {grouped(s['serverThreads'] or 0)} | {s['errors']} |")
    for f in d.get("findings", []):
        print(f"\n- {f.get('text', f)}" if isinstance(f, dict) else f"\n- {f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: demo-table.py results.json")
    main(sys.argv[1])
