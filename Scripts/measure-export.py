#!/usr/bin/env python3
"""`folio export` of a large edition against `wc -m` on the same bytes, whole
process, in the same run (issue #12, item 1): best and median of N runs of
each, alternated, and the ratio. Used for docs/performance.md.

    swift build -c release && python3 Scripts/measure-export.py [PAGES] [RUNS]   # 300 9
    BASELINE=/other/checkout/.build/release/folio python3 Scripts/measure-export.py   # and an older build
"""
import os, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import big_edition

pages = int(sys.argv[1]) if len(sys.argv) > 1 else 300
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
_, path = big_edition.make(pages, "folio-export-")

def timed(argv):
    t = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t) * 1000

# BASELINE=path/to/an/older/folio times that binary too, in the same run.
baseline = os.environ.get("BASELINE")
times = {"wc -m": [], "folio export": []}
if baseline: times["baseline"] = []
for _ in range(runs):
    times["wc -m"].append(timed(["wc", "-m", path]))
    times["folio export"].append(timed([".build/release/folio", "export", path]))
    if baseline: times["baseline"].append(timed([baseline, "export", path]))
for name, ts in times.items():
    ts.sort()
    print(f"{name:13} best {ts[0]:7.1f} ms, median {ts[len(ts) // 2]:7.1f} ms")
print(f"ratio (best): {times['folio export'][0] / times['wc -m'][0]:.2f}x  ({pages} pages, {os.path.getsize(path) / 1e6:.1f} MB)")
