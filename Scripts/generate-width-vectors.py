#!/usr/bin/env python3
"""Generates the reference vectors the width tests compare DisplayWidth with,
from the `wcwidth` package (pip install wcwidth) at the Unicode version of our
tables, so the tests need neither Python nor network.

    python3 Scripts/generate-width-vectors.py

Writes Tests/TypesettingTests/Fixtures/wcwidth-codepoints.txt (ranges of code
points of planes 0-1 with one width: `LO HI WIDTH`, hex) and
wcwidth-emoji.txt (every RGI emoji sequence of the UCD's emoji files:
`SCALARS ; WIDTH`).
"""
import os, re
import wcwidth

VERSION = "15.0.0"
here = os.path.dirname(__file__)
fixtures = os.path.join(here, "..", "Tests", "TypesettingTests", "Fixtures")
ucd = "/usr/share/unicode/emoji"

with open(os.path.join(fixtures, "wcwidth-codepoints.txt"), "w") as f:
    f.write(f"# wcwidth {wcwidth.__version__}, Unicode {VERSION}: LO HI WIDTH (hex code points)\n")
    start, current = 0, None
    for cp in range(0, 0x20000):
        if 0xD800 <= cp <= 0xDFFF:
            w = None
        else:
            w = wcwidth.wcwidth(chr(cp), unicode_version=VERSION)
        if w != current:
            if current is not None:
                f.write("%X %X %d\n" % (start, cp - 1, current))
            start, current = cp, w
    f.write("%X %X %d\n" % (start, 0x1FFFF, current))

seqs = []
for name in ("emoji-sequences.txt", "emoji-zwj-sequences.txt"):
    for line in open(os.path.join(ucd, name), encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line: continue
        field = line.split(";")[0].strip()
        if ".." in field: continue
        seqs.append([int(x, 16) for x in field.split()])
with open(os.path.join(fixtures, "wcwidth-emoji.txt"), "w") as f:
    f.write(f"# wcwidth {wcwidth.__version__}, Unicode {VERSION}: emoji sequences ; width\n")
    for s in seqs:
        f.write("%s ; %d\n" % (" ".join("%X" % c for c in s), wcwidth.wcswidth("".join(map(chr, s)), unicode_version=VERSION)))
print("vectors:", len(seqs), "emoji sequences")
