#!/usr/bin/env python3
"""Resident memory of the reader paging through a large edition: makes an
edition of N copies of the bundled seed page (one file, form feeds between
pages), runs the release `folio` on a pseudo-terminal (120x40), presses `]`
N times, waits until the last page is on screen, and prints the RSS at the
start and at the end. Used for docs/performance.md (issue #12).

    swift build -c release && python3 Scripts/measure-memory.py [N]   # N = 3000
"""
import os, re, select, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import big_edition

n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
work, path = big_edition.make(n, "folio-memory-")
pid, fd = big_edition.start(work, path)
screen = [b""]

def drain(seconds):
    end = time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.01)
        if r:
            try:
                screen[0] = (screen[0] + os.read(fd, 65536))[-20000:]
            except OSError:
                return

def rss_mb():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024

drain(0.5)
start = rss_mb()
t0 = time.time()
for i in range(n):
    os.write(fd, b"]")
    if i % 50 == 0:
        drain(0.01)
# The page heading shows 第N版 (the seed's staff line numbers each copy).
deadline = time.time() + 120
while time.time() < deadline:
    drain(0.5)
    shown = re.findall(rb"\xe7\xac\xac(\d+)\xe7\x89\x88", screen[0])
    if shown and int(shown[-1]) == n:
        break
elapsed = time.time() - t0
print(f"{n} pages: RSS {start:.0f} MB at the first frame, {rss_mb():.0f} MB after paging to the last ({elapsed:.1f} s for {n} keys)")
os.kill(pid, 9)
os.waitpid(pid, 0)
