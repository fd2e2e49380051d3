#!/usr/bin/env python3
"""Search in a large edition, whole process: makes an edition of N copies of
the bundled seed page (one file, form feeds between pages), runs the release
`folio` on a pseudo-terminal (120x40), types `/QUERY` and Enter, and prints
how long until the first match shows (the status line says `match 1`) and
until the count is done (`match k/N`), for the search and the same search
again. Used for docs/performance.md (issue #12, item 5).

    swift build -c release && python3 Scripts/measure-search.py [N] [QUERY]   # 3000 诚信
"""
import os, re, select, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import big_edition

n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
query = sys.argv[2] if len(sys.argv) > 2 else "诚信"
work, path = big_edition.make(n, "folio-search-")
pid, fd = big_edition.start(work, path)
screen = [b""]

def wait_for(pattern, limit=120):
    if re.search(pattern, screen[0]):
        return time.time()
    end = time.time() + limit
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.002)
        if r:
            screen[0] += os.read(fd, 65536)
            if re.search(pattern, screen[0]):
                return time.time()
    return None

wait_for("本版".encode())
time.sleep(0.3)
for label in ("search", "the same search again"):
    os.write(fd, ("/" + query).encode())
    time.sleep(0.2)
    screen[0] = b""
    t = time.time()
    os.write(fd, b"\r")
    first = wait_for(rb"match 1|no match")
    done = wait_for(rb"/\d+ for|no match")
    ms = lambda x: f"{(x - t) * 1000:.1f} ms" if x else "not seen"
    print(f"{n} pages, {label} /{query}: first match {ms(first)}, count done {ms(done)}")
    if b"no match" in screen[0]:
        continue
    os.write(fd, b"q")  # back to the contents
    time.sleep(0.3)
os.kill(pid, 9)
os.waitpid(pid, 0)
