#!/usr/bin/env python3
"""Times the first frame of a terminal program on a pseudo-terminal (80x24):
from the start of the process until the given text has been written. Also
times one keypress redraw for folio (until its output has been quiet for
30 ms, counted to the last byte), and, with bookmarks, the CPU time the
process had used when its first frame was out (steadier than the clock on a
shared machine). Used for docs/performance.md.

    python3 Scripts/measure-first-frame.py            # folio vs less, bundled, 300- and 3,000-page editions
    BOOKMARKS=10000 python3 Scripts/measure-first-frame.py   # also with that many bookmarks saved
"""
import fcntl, os, pty, select, struct, sys, termios, time

cpu_used = {}

def first_frame(argv, marker, key=None, rounds=15):
    best, best_key, best_cpu = 1e9, 1e9, 1e9
    for _ in range(rounds):
        t0 = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.environ["TERM"] = "xterm-256color"
            os.environ["XDG_DATA_HOME"] = "/tmp/folio-measure"
            os.environ["LESS"] = ""
            os.execvp(argv[0], argv)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        out = b""
        t_frame = None
        t_key = None
        deadline = t0 + 5
        sent = 0
        last_byte = None
        while time.perf_counter() < deadline:
            r, _, _ = select.select([fd], [], [], 0.01)
            if r:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                out += chunk
            if t_frame is None and marker.encode() in out:
                t_frame = time.perf_counter() - t0
                if key is None:
                    break
                out = b""
                sent = time.perf_counter()
                os.write(fd, key.encode())
            elif t_frame is not None and out and last_byte and time.perf_counter() - last_byte > 0.03:
                # The redraw is done when output has been quiet for 30 ms.
                t_key = last_byte - sent
                break
            if r and t_frame is not None and sent:
                last_byte = time.perf_counter()
        os.kill(pid, 9)
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
        if key is None and t_frame is not None: best_cpu = min(best_cpu, usage.ru_utime + usage.ru_stime)
        if t_frame is not None: best = min(best, t_frame)
        if t_key is not None: best_key = min(best_key, t_key)
    cpu_used[tuple(argv)] = best_cpu * 1000
    return best * 1000, best_key * 1000

root = os.path.join(os.path.dirname(__file__), "..")
os.chdir(root)
seed = "Editions/2024-08-08/11.txt"
big = "/tmp/ed300.txt"
if not os.path.exists(big):
    text = open(seed, encoding="utf-8").read()
    open(big, "w", encoding="utf-8").write("".join(text.replace("制版：包聪颖 11", "制版：包聪颖 %d" % n) + "\f" for n in range(1, 301)))
folio = os.environ.get("FOLIO", ".build/release/folio")
less_seed, _ = first_frame(["less", seed], "让前来")
print("less, bundled page:            %.1f ms" % less_seed)
f_seed, k_seed = first_frame([folio, "Editions/2024-08-08"], "? help", "j")
print("folio, bundled edition:        %.1f ms   keypress (j) redraw: %.1f ms" % (f_seed, k_seed))
f_big, k_big = first_frame([folio, big], "? help", "j")
print("folio, 300-page edition:       %.1f ms   keypress (j) redraw: %.1f ms" % (f_big, k_big))
# Issue #12 item 2: a 3,000-page edition's first frame against the one-page
# frame, measured in the same run (opened once first, so that its page index
# is in the cache, as on every open after the first).
huge = "/tmp/ed3000.txt"
if not os.path.exists(huge):
    text = open(seed, encoding="utf-8").read()
    open(huge, "w", encoding="utf-8").write("".join(text.replace("制版：包聪颖 11", "制版：包聪颖 %d" % n) + "\f" for n in range(1, 3001)))
first_frame([folio, huge], "? help", rounds=1)
f_huge, _ = first_frame([folio, huge], "? help")
f_one, _ = first_frame([folio, "Editions/2024-08-08"], "? help")
print("folio, 3,000-page edition:     %.1f ms   vs the bundled edition %.1f ms in the same run: %.2fx" % (f_huge, f_one, f_huge / f_one))

n = int(os.environ.get("BOOKMARKS", "0"))
if n:
    # Ten bookmarks an edition (none of them this edition's), a reading
    # position for every tenth edition, as folio-bench makes them.
    import json
    os.makedirs("/tmp/folio-measure/folio", exist_ok=True)
    path = "/tmp/folio-measure/folio/bookmarks.json"
    marks = [{"edition": "2021-edition-%d" % (i // 10), "page": 1 + i % 20, "article": "%d.%d" % (1 + i % 20, 1 + i % 7),
              "title": "奏响夏夜“平安曲” 当好城市“守护人” %d" % i, "byline": "李炜", "fingerprint": "%016x" % (i * 0x9E3779B97F4A7C15 % 2**64),
              "position": {"block": 4, "offset": 0}, "saved": "2026-11-%02dT02:18:%02dZ" % (10 + i % 18, 10 + i % 50)} for i in range(n)]
    marks.sort(key=lambda b: b["saved"], reverse=True)
    positions = {"2021-edition-%d" % k: {"article": "1.1", "fingerprint": "6ac6571cef9dccf7", "position": {"block": 9, "offset": 0},
                                         "saved": "2026-11-29T02:18:03Z"} for k in range(0, n // 10, 10)}
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"version": 2, "bookmarks": marks, "positions": positions}, f, ensure_ascii=False, indent=2)
    try:
        f_marks, k_marks = first_frame([folio, "Editions/2024-08-08"], "? help", "j")
        print("folio, bundled, %d bookmarks: %.1f ms   keypress (j) redraw: %.1f ms" % (n, f_marks, k_marks))
        # CPU time to the first frame (no key sent), with and without them.
        argv = [folio, "Editions/2024-08-08"]
        first_frame(argv, "? help")
        with_marks = cpu_used[tuple(argv)]
        os.rename(path, path + ".aside")
        first_frame(argv, "? help")
        os.rename(path + ".aside", path)
        print("CPU to the first frame: %.1f ms with %d bookmarks, %.1f ms without (+%.1f ms)"
              % (with_marks, n, cpu_used[tuple(argv)], with_marks - cpu_used[tuple(argv)]))
    finally:
        for name in os.listdir("/tmp/folio-measure/folio"):
            os.unlink(os.path.join("/tmp/folio-measure/folio", name))
