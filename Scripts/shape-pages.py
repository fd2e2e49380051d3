#!/usr/bin/env python3
"""Small PDF pages in the shapes real e-paper pages take and text rules
cannot see, for the PDF reader's tests (issue #11): a drop cap, a headline
across several columns, an advertisement, a pull quote, a caption with its
credit set above it, registration marks and an edition slug, a masthead.

Our own text (no newspaper's), in Times and in the Adobe STSong CID font
(not embedded: the files stay a few KB). Writes one PDF per shape into the
folder given (default Tests/FolioCLITests/PDFs/2026-12-01/), each a page of an edition
dated 2026-12-01, named by its page number. Needs `pip install reportlab`.

    python3 Scripts/shape-pages.py [FOLDER]

The tests read these PDFs through the real extractor, and their recorded
`pdftotext -bbox-layout` output (Tests/EditionKitTests/Fixtures/geometry/)
without it; rerun `Scripts/record-geometry.sh` after changing a page here.
"""
import os, sys

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

CJK = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(CJK))
LATIN, BOLD = "Times-Roman", "Times-Bold"
BODY = 9.0
W, H = 420, 560
MARGIN = 30


def width(s, font, size):
    return pdfmetrics.stringWidth(s, font, size)


def wrap(text, font, size, measure, indent=0.0):
    """Lines no wider than `measure`: words for Latin text, characters for CJK."""
    cjk = font == CJK
    tokens = list(text) if cjk else text.split(" ")
    lines, cur, room = [], "", measure - indent
    for t in tokens:
        trial = cur + t if cjk or not cur else cur + " " + t
        if cur and width(trial, font, size) > room + 0.01:
            # (A closing mark never opens a line: the character before it
            # goes down with it.)
            carry = ""
            if cjk and t in "，。、；：？！”）" and len(cur) > 1:
                carry, cur = cur[-1], cur[:-1]
            lines.append(cur)
            cur, room = carry + t, measure
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines


class Sheet:
    def __init__(self, path):
        self.c = canvas.Canvas(path, pagesize=(W, H), pageCompression=1, invariant=1)
        self.c.setTitle(os.path.basename(path))
        self.c.setAuthor("folio tests")
        self.c.setCreator("Scripts/shape-pages.py")
        self.c.setProducer("reportlab")

    def text(self, x, y, s, font=LATIN, size=BODY, justify=None):
        t = self.c.beginText(x, y)
        t.setFont(font, size)
        # (Word and character spacing are PDF text state, kept from one
        # line to the next: each line sets its own.)
        t.setWordSpace(0)
        t.setCharSpace(0)
        if justify and len(s) > 1:
            extra = justify - width(s, font, size)
            if extra > 0 and font != CJK and s.count(" "):
                t.setWordSpace(extra / s.count(" "))
            elif extra > 0 and font == CJK:
                t.setCharSpace(extra / (len(s) - 1))
        t.textOut(s)
        self.c.drawText(t)

    def centred(self, s, y, font, size, x0=MARGIN, x1=W - MARGIN):
        self.text((x0 + x1 - width(s, font, size)) / 2, y, s, font, size)

    def folio(self, left, right, font=LATIN):
        self.text(MARGIN, H - MARGIN, left, font, BODY)
        self.text(W - MARGIN - width(right, font, 14), H - MARGIN, right, font, 14)

    def column(self, paragraphs, x, y, measure, font=LATIN, lead=BODY * 1.35, indent=BODY, bottom=MARGIN):
        """Sets paragraphs in a column from (x, y) down; returns the lines it
        could not fit (to go on in the next column) and the y it ended at."""
        lines = []
        for p in paragraphs:
            w = wrap(p, font, BODY, measure, indent)
            lines += [(l, k == 0, k < len(w) - 1) for k, l in enumerate(w)]
        return self.flow(lines, x, y, measure, font, lead, indent, bottom)

    def flow(self, lines, x, y, measure, font=LATIN, lead=BODY * 1.35, indent=BODY, bottom=MARGIN):
        while lines and y >= bottom:
            s, first, full = lines.pop(0)
            shift = indent if first else 0
            self.text(x + shift, y, s, font, BODY, justify=(measure - shift) if full else None)
            y -= lead
        return lines, y

    def columns(self, paragraphs, x0, x1, y, n, font=LATIN, gutter=12, bottom=MARGIN, indent=BODY):
        measure = (x1 - x0 - (n - 1) * gutter) / n
        lines = []
        for p in paragraphs:
            w = wrap(p, font, BODY, measure, indent)
            lines += [(l, k == 0, k < len(w) - 1) for k, l in enumerate(w)]
        per = -(-len(lines) // n)
        for c in range(n):
            chunk, lines = lines[:per], lines[per:]
            self.flow(chunk, x0 + c * (measure + gutter), y, measure, font, bottom=bottom, indent=indent)

    def save(self):
        self.c.showPage()
        self.c.save()


TEXT = [
    "The harbour board met on Tuesday evening to decide the future of the old ferry pier, which has stood empty since the last crossing ran eleven years ago.",
    "Members heard from engineers who said the timber piles could carry light traffic for another decade if the worst of them were replaced this winter.",
    "A proposal to turn the pier into a public walkway with benches and a small market drew the loudest applause of the night from residents.",
    "The board will publish its decision next month after a second survey of the piles, and the walkway plan will go to a public vote in the spring.",
]
TEXT2 = [
    "Volunteers counted more than four hundred birds on the estuary at first light on Sunday, the highest number since the count began.",
    "Most were waders resting on the mud flats during their journey south, and the organisers said the mild autumn had kept them longer.",
    "The results go to the national survey, which uses them to follow how the birds fare from one year to the next.",
]


def drop_cap(path):
    """A story whose first paragraph opens with a drop cap three lines deep."""
    s = Sheet(path)
    s.folio("LOCAL | The Morning Ledger | Tuesday, December 1, 2026", "A3")
    s.text(MARGIN, H - 80, "Harbour board weighs the future of the ferry pier", BOLD, 18)
    x0, x1 = MARGIN, W - MARGIN
    measure = x1 - x0
    cap = "T"
    capsize = BODY * 3.6
    capw = width(cap, BOLD, capsize) + 3
    y = H - 110
    s.text(x0, y - BODY * 2.7, cap, BOLD, capsize)
    first = TEXT[0][1:]
    w = wrap(first, LATIN, BODY, measure - capw)
    # Three lines beside the cap, then the rest of the paragraph full width.
    beside, rest = w[:3], " ".join(w[3:])
    for k, l in enumerate(beside):
        s.text(x0 + capw, y, l, LATIN, BODY, justify=measure - capw)
        y -= BODY * 1.35
    lines = [(l, False, k < len(wrap(rest, LATIN, BODY, measure)) - 1) for k, l in enumerate(wrap(rest, LATIN, BODY, measure))]
    for p in TEXT[1:]:
        w = wrap(p, LATIN, BODY, measure, BODY)
        lines += [(l, k == 0, k < len(w) - 1) for k, l in enumerate(w)]
    s.flow(lines, x0, y, measure)
    s.save()


def wide_headline(path):
    """A headline across three columns over its story, a second story below."""
    s = Sheet(path)
    s.folio("CITY | The Morning Ledger | Tuesday, December 1, 2026", "A4")
    s.text(MARGIN, H - 80, "Harbour board weighs the future of the old ferry pier", BOLD, 17)
    s.text(MARGIN, H - 98, "Engineers say the timber piles can last another decade", "Times-Italic", 11)
    s.text(MARGIN, H - 114, "By ANNA REED", LATIN, 7.5)
    s.columns(TEXT, MARGIN, W - MARGIN, H - 130, 3, bottom=300)
    s.text(MARGIN, 270, "Record count of birds on the estuary", BOLD, 15)
    s.columns(TEXT2, MARGIN, W - MARGIN, 250, 3)
    s.save()


def advertisement(path):
    """A story over two columns beside an advertisement in a box."""
    s = Sheet(path)
    s.folio("CITY | The Morning Ledger | Tuesday, December 1, 2026", "A5")
    mid = MARGIN + (W - 2 * MARGIN) * 0.6
    s.text(MARGIN, H - 80, "Ferry pier may open", BOLD, 17)
    s.text(MARGIN, H - 100, "to walkers next spring", BOLD, 17)
    s.columns(TEXT, MARGIN, mid - 6, H - 122, 2)
    ax0, ax1 = mid + 10, W - MARGIN
    s.c.rect(ax0, 200, ax1 - ax0, H - 80 - 200)
    s.centred("ADVERTISEMENT", H - 95, LATIN, 6, ax0, ax1)
    s.centred("WINTER SALE", H - 130, BOLD, 20, ax0, ax1)
    s.centred("Every coat half price", H - 160, LATIN, 12, ax0, ax1)
    s.centred("Quay Street Outfitters", H - 185, LATIN, 10, ax0, ax1)
    s.centred("Open daily from nine", H - 200, LATIN, 10, ax0, ax1)
    s.save()


def pull_quote(path):
    """A story in two columns with a pull quote set in the second column."""
    s = Sheet(path)
    s.folio("CITY | The Morning Ledger | Tuesday, December 1, 2026", "A6")
    s.text(MARGIN, H - 80, "Residents cheer plan for a walkway on the pier", BOLD, 16)
    gutter = 14
    measure = (W - 2 * MARGIN - gutter) / 2
    lines = []
    for p in TEXT + TEXT2:
        w = wrap(p, LATIN, BODY, measure, BODY)
        lines += [(l, k == 0, k < len(w) - 1) for k, l in enumerate(w)]
    lines, _ = s.flow(lines, MARGIN, H - 105, measure, bottom=H - 290)
    x = MARGIN + measure + gutter
    lines, y = s.flow(lines, x, H - 105, measure, bottom=H - 160)
    quote = "\u201cA walkway would give the pier back to the town.\u201d"
    y -= 8
    for l in wrap(quote, "Times-Italic", 14, measure):
        y -= 4
        s.text(x, y, l, "Times-Italic", 14)
        y -= 14
    y -= 12
    s.flow(lines, x, y, measure)
    s.save()


def credit_above(path):
    """A Chinese story with a photo whose credit is set above its caption."""
    s = Sheet(path)
    s.folio("社会 人民日报 2026年12月1日 星期二", "8", CJK)
    s.centred("老码头变身滨水步道", H - 80, CJK, 18)
    s.centred("本报记者 林 海", H - 100, CJK, BODY)
    paras = [
        "港务局本周召开会议，讨论老码头的去留问题。这座码头自最后一班渡轮停航以来，已经闲置了十一年。",
        "工程人员表示，如果今冬更换损坏最严重的木桩，码头还能再承载十年的轻型通行。",
        "把码头改造成带长椅和小集市的公共步道的方案，赢得了当晚居民最热烈的掌声。",
        "港务局将在第二次勘测后于下月公布决定，步道方案将在明年春天交由公众投票。",
    ]
    # Photo box across the top of the columns, credit above the caption.
    top = H - 118
    s.c.rect(MARGIN, top - 90, W - 2 * MARGIN, 90)
    s.text(MARGIN, top - 102, "本报记者 林 海摄", CJK, 7.5)
    s.text(MARGIN, top - 113, "傍晚时分，居民在老码头上散步。", CJK, 7.5)
    s.columns(paras, MARGIN, W - MARGIN, top - 132, 2, font=CJK, indent=2 * BODY)
    s.save()


def registration(path):
    """Registration marks and an edition slug in tiny type at the margins,
    the slug on the first headline's baseline."""
    s = Sheet(path)
    s.folio("CITY | The Morning Ledger | Tuesday, December 1, 2026", "A7")
    for (x, y) in ((8, 8), (W - 16, 8), (8, H - 16), (W - 16, H - 16)):
        s.c.circle(x + 4, y + 4, 3)
        s.c.line(x, y + 4, x + 8, y + 4)
        s.c.line(x + 4, y, x + 4, y + 8)
    s.text(W - MARGIN - 60, H - 80, "A7 1201 ED2 CMYK", LATIN, 4)
    s.text(MARGIN, H - 80, "Estuary bird count sets a record", BOLD, 17)
    s.columns(TEXT2, MARGIN, W - MARGIN, H - 105, 2)
    s.text(MARGIN, 14, "PRINTED 01/12/2026 03:12 PLATE 2 OF 4", LATIN, 4)
    s.save()


def masthead(path):
    """A front page: the paper's name in large type, the date line under it."""
    s = Sheet(path)
    s.centred("THE MORNING LEDGER", H - 60, BOLD, 30)
    s.text(MARGIN, H - 80, "Tuesday, December 1, 2026", LATIN, BODY)
    s.text(W - MARGIN - width("A1", BOLD, 14), H - 80, "A1", BOLD, 14)
    s.text(MARGIN, H - 115, "Harbour board weighs the future of the ferry pier", BOLD, 16)
    s.columns(TEXT, MARGIN, W - MARGIN, H - 140, 2)
    s.save()


def vertical_title(path):
    """A Chinese story whose title and byline are set vertically, each in a
    column of its own at the left of the body (a shape Chinese papers use)."""
    s = Sheet(path)
    s.folio("社会 人民日报 2026年12月2日 星期三", "9", CJK)
    y = H - 70
    for ch in "老码头变身滨水步道":
        s.text(MARGIN + 5, y, ch, CJK, 20)
        y -= 22
    y = H - 70
    for n, ch in enumerate("本报记者林海"):
        s.text(MARGIN + 32, y, ch, CJK, BODY)
        y -= BODY + (BODY if n == 3 else 0)
    paras = [
        "港务局本周召开会议，讨论老码头的去留问题。这座码头自最后一班渡轮停航以来，已经闲置了十一年。",
        "工程人员表示，如果今冬更换损坏最严重的木桩，码头还能再承载十年的轻型通行。",
    ]
    s.columns(paras, MARGIN + 60, W - MARGIN, H - 70, 2, font=CJK, indent=2 * BODY)
    s.save()


SHAPES = {
    "03-drop-cap": drop_cap,
    "04-wide-headline": wide_headline,
    "05-advertisement": advertisement,
    "06-pull-quote": pull_quote,
    "08-credit-above": credit_above,
    "07-registration": registration,
    "01-masthead": masthead,
}

# A page of another day's edition (the tests keep the first edition's seven).
OTHER = {"09-vertical-title": vertical_title}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    pdfs = os.path.join(here, "..", "Tests", "FolioCLITests", "PDFs")
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(pdfs, "2026-12-01")
    other = os.path.join(os.path.dirname(out), "2026-12-02")
    for folder, shapes in ((out, SHAPES), (other, OTHER)):
        os.makedirs(folder, exist_ok=True)
        for name, make in shapes.items():
            make(os.path.join(folder, name + ".pdf"))
            print(os.path.join(folder, name + ".pdf"))
