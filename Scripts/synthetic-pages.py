#!/usr/bin/env python3
"""Robustness check of the parser on pages it has not seen: re-typesets the
Chinese gold models of ../shared/pages at other column widths (12, 15, 19), in
two extractor styles (`pdftotext -raw`: no blank lines; MuPDF: a blank line
after each first line) and three drawing orders (headline first, body first,
each story either way at random), runs
`folio export` on each, and prints titles found and paragraphs matched (the
paragraph rule of the shared scoring recipe).

    swift build && python3 Scripts/synthetic-pages.py
    SYNTH_DUMP=/tmp/synth python3 Scripts/synthetic-pages.py   # also keeps the pages

The pages are simpler than printed ones (headlines are plain lines, as wide as
they come), so the figures are a floor to raise, not a score to fit.
"""
import json, os, random, shutil, subprocess, sys, tempfile

NOSTART = set("，。、；：？！）」』】》〉”’…—％")
# Bylines as the gold pages print them (names padded, parted by spaces).
PRINTED_BYLINES = {"本报记者向子丰胡笑源": "本报记者 向子丰 胡笑源", "本报记者乔栋曹继炜": "本报记者 乔 栋 曹继炜",
                   "本报记者吴秋余": "本报记者 吴秋余", "王观": "王 观"}
def wide(c): return 1 if ord(c) > 0x2000 else 0.5
def wrap(par, width, indent=2):
    lines=[]; cur=""; w=indent
    for ch in par:
        cw=wide(ch)
        if w+cw>width and cur:
            if ch in NOSTART:  # kinsoku: hang the mark on this line
                cur+=ch; lines.append(cur); cur=""; w=0; continue
            lines.append(cur); cur=""; w=0
        cur+=ch; w+=cw
    if cur: lines.append(cur)
    return lines

sq = lambda s: "".join((s or "").split())
def paragraphs_match(gold_art, export_paras):
    want = [sq(b["text"]) for b in gold_art["blocks"] if b["kind"] == "paragraph"]
    got = [sq(p) for p in export_paras]
    if gold_art.get("dateline") and got and want and not got[0].startswith(want[0][:4]):
        leads = [sq(gold_art.get("lead"))] + [sq(gold_art["dateline"]) + c for c in "讯电"]
        got[0] = next((l + got[0] for l in leads if l and want[0].startswith(l + got[0][:4])), got[0])
    optional = {sq(x) for x in gold_art.get("optional_breaks", [])}
    joined = []
    for p in got:
        if joined and joined[-1] in optional and any(w.startswith(joined[-1] + p) for w in want):
            joined[-1] += p
        else:
            joined.append(p)
    hits = 0; miss=[]
    for w in want:
        if w in joined:
            joined.remove(w); hits += 1
        else: miss.append(w[:30])
    return hits, len(want), miss
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SHARED = os.path.join(ROOT, "..", "shared", "pages")
FOLIO = os.environ.get("FOLIO", os.path.join(ROOT, ".build", "debug", "folio"))

def page(gold, width, style, order, rng):
    L = []
    p = gold["page"]
    L.append("%d %s 人民日报 %s %s" % (p["number"], p["section"], "2025年10月20日", p["weekday"]))
    def para_lines(t, first_indent=True):
        w = wrap(t, width, 2 if first_indent else 0)
        if style == "mupdf": return [w[0], ""] + w[1:] + [""]
        return w
    for a in gold["articles"]:
        head = []
        if a.get("kicker"): head.append(a["kicker"])
        head.append(a["title"])
        if a.get("subtitle"): head.append(a["subtitle"])
        by = []
        if a.get("byline") and not a.get("dateline"):
            b = a["byline"]
            printed = PRINTED_BYLINES
            if b in printed: by = [printed[b]] if b.startswith("本报") or b == "王观" else ["（" + b + "）"]
            elif b.startswith("本报记者"): by = ["本报记者 " + b[4:]]
            else: by = ["（" + b + "）"]
        body = []
        for b in a["blocks"]:
            if b["kind"] == "paragraph": body += para_lines(b["text"])
            else: body += (wrap(b["text"], width, 0) + ([""] if style=="mupdf" else []))
        if a.get("photo"):
            ph = a["photo"]  # a photo-news box (no caption) prints only its credit
            body += ["", ((ph["caption"] + " ") if ph["caption"] else "") + ph["credit"] + "摄", ""]
        closing = [x for x in by if x.startswith("（")]
        top = [x for x in by if not x.startswith("（")]
        first = order == "title-first" or (order == "mixed" and rng.random() < 0.5)
        if first: L += head + top + body + closing
        else: L += body + closing + head + top
        L.append("")
    L.append("本版责编：" + " ".join(s["name"] for s in p["staff"]))
    return "\n".join(L) + "\n"
def run(folder, width, style, order):
    g = json.load(open(os.path.join(folder, "gold.json")))
    txt = page(g, width, style, order, random.Random(0))
    if os.environ.get("SYNTH_DUMP"):  # keep the pages to look at them (folio explain)
        os.makedirs(os.environ["SYNTH_DUMP"], exist_ok=True)
        open(os.path.join(os.environ["SYNTH_DUMP"], "%s-%d-%s-%s.txt" % (os.path.basename(folder), width, style, order)), "w").write(txt)
    d = tempfile.mkdtemp(); ed = os.path.join(d, g["date"]); os.mkdir(ed)
    open(os.path.join(ed, "%02d.txt" % g["page"]["number"]), "w").write(txt)
    out = subprocess.run([FOLIO, "export", ed], capture_output=True, text=True).stdout
    shutil.copy(os.path.join(folder, "gold.json"), ed)
    return txt, out, g
def score(g, out):
    """Titles found plus gold paragraphs matched, of all; and the titles missing."""
    e = json.loads(out)
    arts = [a for p in e["pages"] for a in p["articles"]]
    hit = tot = 0; missing = []
    for ga in g["articles"]:
        ea = [a for a in arts if sq(a["title"]) == sq(ga["title"])]
        paras = [b for b in ga["blocks"] if b["kind"]=="paragraph"]
        tot += 1 + len(paras)
        if not ea: missing.append(ga["title"][:8]); continue
        hit += 1
        h, t, miss = paragraphs_match(ga, [b["text"] for b in ea[0]["blocks"] if b["kind"]=="paragraph"])
        hit += h
        if os.environ.get("SYNTH_VERBOSE") and miss:  # the gold paragraphs not found, for folio explain
            print("   ", ga["title"][:12], "missed:", [m[:24] for m in miss])
    return hit, tot, missing

def models():
    """Every Chinese gold model of ../shared/pages, once (a page's cases share it)."""
    seen = set()
    for name in sorted(os.listdir(SHARED)):
        folder = os.path.join(SHARED, name)
        g = os.path.join(folder, "gold.json")
        if not os.path.exists(g) or name.startswith("train-en"):
            continue
        key = name.replace("-plain", "").replace("-mupdf", "")
        if key not in seen:
            seen.add(key)
            yield folder

if __name__ == "__main__":
    # `mixed`: each story drawn title-first or body-first at random (seeded), as
    # real PDFs mix them on one page.
    total_hit = total = 0
    for folder in models():
        for width in (12, 15, 19):
            for style in ("raw", "mupdf"):
                for order in ("title-first", "body-first", "mixed"):
                    txt, out, g = run(folder, width, style, order)
                    hit, tot, missing = score(g, out)
                    total_hit += hit; total += tot
                    print(os.path.basename(folder), width, style, order, "%d/%d" % (hit, tot), "missing titles:", missing)
    print("total: %d/%d = %.1f%%" % (total_hit, total, 100.0 * total_hit / total))
