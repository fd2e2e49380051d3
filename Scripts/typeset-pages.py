#!/usr/bin/env python3
"""The parser measured on pages made the way real ones are: the gold models
of ../shared/pages typeset as PDF newspaper pages (reportlab, the Adobe
STSong CID font), and an English page of our own (Scripts/models/
english.json, in Times), then read back by real extractors (pdftotext,
-raw, -layout, MuPDF, and the PDF itself read with its geometry), then
parsed by `folio export` and scored like
Scripts/synthetic-pages.py (titles found + gold paragraphs matched).

Each page: a folio line and a staff line, every story in a block the width
of the page, its headline centred above its columns, its body set in N
columns of C characters (kinsoku, justified lines, first lines indented two
characters), subheads on lines of their own, photo captions in a box with
the credit, top bylines under the headline or a bracketed byline closing the
story. Stories are drawn headline-first or body-first in the PDF.

Needs: pip install reportlab (and pdfminer.six for TYPESET_PDFMINER=1);
apt-get install poppler-utils mupdf-tools. Then:

    swift build && python3 Scripts/typeset-pages.py          # scores
    TYPESET_QUICK=1 python3 Scripts/typeset-pages.py         # the first three models only
    TYPESET_DUMP=/tmp/tp python3 Scripts/typeset-pages.py    # also keeps PDFs and texts

These pages are ours, not the paper's: the figures are a check on rules
against unseen layouts and extractors, not a score to fit.
"""
import importlib.util, json, os, random, shutil, subprocess, sys, tempfile

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("synthetic", os.path.join(HERE, "synthetic-pages.py"))
synthetic = importlib.util.module_from_spec(spec); spec.loader.exec_module(synthetic)

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
LATIN = "Times-Roman"  # for the English model (Scripts/models/english.json)
NOSTART = set("，。、；：？！）」』】》〉”’…—％,.;:!?)")
NOEND = set("（「『【《〈“‘(")
BODY = 9.0

def width(s, size=BODY, font=None): return pdfmetrics.stringWidth(s, font or FONT, size)

def wrap_words(text, measure, indent, font):
    """Lines of English text, broken between words, no wider than `measure`."""
    lines, cur, room = [], "", measure - indent
    for w in text.split(" "):
        trial = (cur + " " + w) if cur else w
        if cur and width(trial, font=font) > room + 0.01:
            lines.append(cur); cur = w; room = measure
        else:
            cur = trial
    if cur: lines.append(cur)
    return lines

def wrap(text, measure, indent):
    """Lines of `text` no wider than `measure` points (the first `indent`
    characters narrower), never starting with a closing mark or ending with
    an opening one, never splitting a run of Latin letters and digits."""
    tokens = []  # runs of ASCII letters/digits stay whole
    for ch in text:
        if tokens and ch.isascii() and ch.isalnum() and tokens[-1][-1].isascii() and tokens[-1][-1].isalnum(): tokens[-1] += ch
        else: tokens.append(ch)
    lines, cur, room = [], "", measure - indent * BODY
    for t in tokens:
        if not cur and lines and t in NOSTART and len(lines[-1]) > 2:
            # A second closing mark (`？！”`) may not start a line either: the
            # last character and the hung mark come down with it.
            cur = lines[-1][-2:]; lines[-1] = lines[-1][:-2]; room = measure
        if cur and width(cur + t) > room + 0.01:  # (font widths carry float error)
            if t in NOSTART:  # hang the closing mark
                cur += t; lines.append(cur); cur = ""; room = measure; continue
            carry = ""
            while cur and cur[-1] in NOEND: carry = cur[-1] + carry; cur = cur[:-1]
            lines.append(cur); cur = carry; room = measure
        cur += t
    if cur: lines.append(cur)
    return lines

class Page:
    def __init__(self, path, cols, chars, rng, font=FONT):
        self.cols, self.chars, self.rng, self.font = cols, chars, rng, font
        # A CJK column is `chars` ems; a Latin one holds about `chars` * 2 letters.
        self.colw = chars * BODY
        # Gutters of two and a half characters: narrower ones make pdftotext
        # (reading-order mode) run neighbouring columns into one line.
        self.gutter = 2.5 * BODY
        self.w = 2 * 36 + cols * self.colw + (cols - 1) * self.gutter
        self.h = 3000  # tall enough for every model in every layout (a shorter page dropped what overflowed it)
        self.c = canvas.Canvas(path, pagesize=(self.w, self.h))
        self.y = self.h - 40
        self.ops = []  # (order key, draw function): the PDF's drawing order

    def text(self, x, y, s, size=BODY, justify_to=None):
        font = self.font
        def draw():
            t = self.c.beginText(x, y)
            t.setFont(font, size)
            # Word and character spacing are PDF text state, kept from one
            # line to the next (BT/ET does not reset them): each line sets its own.
            t.setWordSpace(0)
            t.setCharSpace(0)
            if justify_to and len(s) > 1:
                extra = justify_to - width(s, size, font)
                # Latin text is justified between words, CJK between characters.
                if extra > 0 and font == LATIN and s.count(" "): t.setWordSpace(extra / s.count(" "))
                elif extra > 0 and font != LATIN: t.setCharSpace(extra / (len(s) - 1))
            # The CID font has no `·` (U+00B7): it is drawn from the Latin
            # font, as a real page prints it, not dropped.
            runs = s.split("·")
            for k, run in enumerate(runs):
                if k:
                    t.setFont(LATIN, size)
                    t.textOut("·")
                    t.setFont(font, size)
                if run: t.textOut(run)
            self.c.drawText(t)
        return draw

    def centred(self, s, size, y):
        return self.text((self.w - width(s, size, self.font)) / 2, y, s, size)

    def story(self, a, byline_top, closing, body_first):
        head, body = [], []
        y = self.y
        for part, size in ((a.get("kicker"), 11), (a.get("title"), 18), (a.get("subtitle"), 11)):
            if part:
                y -= size * 1.4
                head.append(self.centred(part, size, y))
        if byline_top:
            y -= BODY * 1.8
            head.append(self.centred(byline_top, BODY, y))
        y -= BODY * 1.5
        # The story's lines: (text, indent?, full?) with blank spacing for subheads.
        lines = []
        blocks = a["blocks"]
        latin = self.font == LATIN
        for i, b in enumerate(blocks):
            if b["kind"] == "subhead":
                lines.append(("", False, False))
                w = wrap_words(b["text"], self.colw, 0, self.font) if latin else wrap(b["text"], self.colw, 0)
                lines += [(l, False, False) for l in w]
            else:
                t = b["text"] + (closing if closing and i == len(blocks) - 1 else "")
                if latin:
                    # An em of indent, drawn as a shift rather than as spaces.
                    w = wrap_words(t, self.colw, BODY, self.font)
                    lines += [(l, k == 0, k < len(w) - 1) for k, l in enumerate(w)]
                else:
                    w = wrap(t, self.colw, 2)
                    lines += [(("　　" if k == 0 else "") + l, k == 0, k < len(w) - 1) for k, l in enumerate(w)]
        per = -(-len(lines) // self.cols)
        lead = BODY * 1.5
        for k, (s, indented, full) in enumerate(lines):
            col, row = divmod(k, per)
            x = 36 + col * (self.colw + self.gutter)
            yy = y - row * lead
            if s:
                shift = BODY if latin and indented else 0
                body.append(self.text(x + shift, yy, s, justify_to=(self.colw - shift) if full else None))
        y -= per * lead
        if a.get("photo"):
            ph = a["photo"]
            y -= BODY
            box = self.w - 72
            # A photo-news box (no caption: its text is the story's) prints its credit alone.
            caption = ph["caption"] or ""
            cap = (wrap_words((caption + " " + ph["credit"]).strip(), box, 0, self.font) if latin
                   else wrap((caption + "　" if caption else "") + ph["credit"] + "　摄", box, 0))
            for l in cap:
                y -= BODY * 1.4
                body.append(self.text(36, y, l, size=BODY))
        self.y = y - 30
        self.ops += (body + head) if body_first else (head + body)

    def finish(self, folio, staff):
        self.ops.insert(0, self.text(36, self.h - 24, folio))
        self.ops.append(self.text(36, 24, staff))
        for op in self.ops: op()
        self.c.showPage()
        self.c.save()

EXTRACTORS = {
    "pdftotext": lambda pdf: subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout,
    "pdftotext-raw": lambda pdf: subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout,
    "mutool": lambda pdf: subprocess.run(["mutool", "draw", "-F", "txt", pdf], capture_output=True, text=True).stdout,
    "pdftotext-layout": lambda pdf: subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout,
}
# The PDF itself, read by folio with its geometry (pdftotext -bbox-layout).
EXTRACTORS["pdf"] = None
# TYPESET_ONLY=pdf (or another name) measures one reading only.
if os.environ.get("TYPESET_ONLY"):
    EXTRACTORS = {k: v for k, v in EXTRACTORS.items() if k == os.environ["TYPESET_ONLY"]}
# pdfminer's default analysis orders a page of uniform column lines row by
# row across the columns, which no text parser can undo; opt in to see it.
if os.environ.get("TYPESET_PDFMINER"):
    EXTRACTORS["pdfminer"] = lambda pdf: subprocess.run(["pdf2txt.py", pdf], capture_output=True, text=True).stdout

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

def make(gold, cols, chars, body_first, seed):
    rng = random.Random(seed)
    d = tempfile.mkdtemp()
    pdf = os.path.join(d, "page.pdf")
    english = gold.get("paper") is not None
    page = Page(pdf, cols, chars, rng, font=LATIN if english else FONT)
    for a in gold["articles"]:
        b = a.get("byline")
        top = closing = None
        if english:
            top = "By " + b if b else None
        elif b and not a.get("dateline"):
            # Staff reporters under the headline, as printed; others close the story.
            if b.startswith("本报记者"): top = synthetic.PRINTED_BYLINES.get(b, "本报记者 " + b[4:])
            else: closing = "（" + b + "）"
        page.story(a, top, closing, body_first)
    p = gold["page"]
    if english:
        y, m, dd = int(gold["date"][:4]), int(gold["date"][5:7]), int(gold["date"][8:])
        folio = "%d %s %s, %s %d, %d" % (p["number"], gold["paper"], p["weekday"], MONTHS[m - 1], dd, y)
        page.finish(folio, "")
    else:
        folio = "%d %s 人民日报 %s年%d月%d日 %s" % (p["number"], p["section"], gold["date"][:4], int(gold["date"][5:7]), int(gold["date"][8:]), p["weekday"])
        page.finish(folio, "本版责编：" + " ".join(s["name"] for s in p["staff"]))
    return pdf

if __name__ == "__main__":
    folio_bin = os.environ.get("FOLIO", os.path.join(HERE, "..", ".build", "debug", "folio"))
    dump = os.environ.get("TYPESET_DUMP")
    models = [(f, os.path.join(synthetic.SHARED, f, "gold.json"), ((6, 13), (4, 19), (8, 10), (2, 26))) for f in ("rmrb-04", "rmrb-18-mupdf")]
    # The other Chinese gold models, in layouts their pages did not have.
    if not os.environ.get("TYPESET_QUICK"):
        for folder in synthetic.models():
            name = os.path.basename(folder)
            if name.startswith("train-"):
                models.append((name, os.path.join(folder, "gold.json"), ((5, 14), (3, 22), (2, 25))))
    # Our own English page: columns of about 36 and 26 letters.
    models.append(("english", os.path.join(HERE, "models", "english.json"), ((4, 18), (5, 13))))
    for folder, model, layouts in models:
        gold = json.load(open(model))
        for cols, chars in layouts:
            for body_first in (False, True):
                pdf = make(gold, cols, chars, body_first, seed=cols * chars)
                for name, extract in EXTRACTORS.items():
                    d = tempfile.mkdtemp(); ed = os.path.join(d, gold["date"]); os.mkdir(ed)
                    if extract is None:
                        page_file = os.path.join(ed, "%02d.pdf" % gold["page"]["number"])
                        shutil.copy(pdf, page_file)
                    else:
                        page_file = os.path.join(ed, "%02d.txt" % gold["page"]["number"])
                        open(page_file, "w").write(extract(pdf))
                    out = subprocess.run([folio_bin, "export", ed], capture_output=True, text=True).stdout
                    hit, tot, missing = synthetic.score(gold, out) if out else (0, 1, ["(export failed)"])
                    label = "%s %dx%d %s %s" % (folder, cols, chars, "body-first" if body_first else "headline-first", name)
                    print("%-52s %3d/%d  missing titles: %s" % (label, hit, tot, missing))
                    if dump:
                        os.makedirs(dump, exist_ok=True)
                        base = os.path.join(dump, label.replace(" ", "-"))
                        shutil.copy(pdf, base + ".pdf")
                        if extract is not None: shutil.copy(page_file, base + ".txt")
