#!/usr/bin/env python3
"""The sample pages' own PDFs (../shared/pages/*/page.pdf) read back by every
extractor, scored with the shared recipe (../shared/tools/check_parse.py).

Most sample pages ship as one extractor's text (`-raw`, say); their PDFs can
be read by the others too, which gives real pages in readings the rules were
not tuned on — plain `pdftotext` above all, whose reading order scatters
blocks (a page's own cases remain the ones to compare with).

Needs poppler-utils and mupdf-tools. Then:

    swift build && python3 Scripts/sample-pdfs.py            # plain, -raw, MuPDF
    SAMPLE_EXTRACTORS=plain python3 Scripts/sample-pdfs.py  # one reading
    SAMPLE_DUMP=/tmp/sp python3 Scripts/sample-pdfs.py      # keep texts, exports, scores
"""
import json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "pages"))
CHECK = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "tools", "check_parse.py"))

EXTRACTORS = {
    "plain": lambda pdf, out: subprocess.run(["pdftotext", pdf, out], check=True),
    "raw": lambda pdf, out: subprocess.run(["pdftotext", "-raw", pdf, out], check=True),
    "mupdf": lambda pdf, out: subprocess.run(["mutool", "draw", "-q", "-F", "txt", "-o", out, pdf], check=True, stderr=subprocess.DEVNULL),
}

def main():
    folio = os.environ.get("FOLIO", os.path.join(HERE, "..", ".build", "debug", "folio"))
    names = os.environ.get("SAMPLE_EXTRACTORS", "plain raw mupdf").split()
    dump = os.environ.get("SAMPLE_DUMP")
    totals = {}
    for case in sorted(os.listdir(SHARED)):
        pdf = os.path.join(SHARED, case, "page.pdf")
        if not os.path.exists(pdf):
            continue
        gold_path = os.path.join(SHARED, case, "gold.json")
        gold = json.load(open(gold_path))
        page_name = next(f for f in sorted(os.listdir(os.path.join(SHARED, case))) if f.endswith(".txt"))
        row = []
        for name in names:
            work = tempfile.mkdtemp()
            edition = os.path.join(work, gold["date"])
            os.mkdir(edition)
            EXTRACTORS[name](pdf, os.path.join(edition, page_name))
            export = subprocess.run([folio, "export", edition], capture_output=True, text=True).stdout
            export_path = os.path.join(work, "export.json")
            open(export_path, "w").write(export)
            report = subprocess.run([sys.executable, CHECK, gold_path, export_path], capture_output=True, text=True).stdout
            m = re.search(r"parse: (\d+)/(\d+)", report)
            hit, total = (int(m[1]), int(m[2])) if m else (0, 1)
            t = totals.setdefault(name, [0, 0]); t[0] += hit; t[1] += total
            row.append("%s %3d/%d" % (name, hit, total))
            if dump:
                d = os.path.join(dump, name, case)
                os.makedirs(d, exist_ok=True)
                shutil.copy(os.path.join(edition, page_name), d)
                open(os.path.join(d, "export.json"), "w").write(export)
                open(os.path.join(d, "score.txt"), "w").write(report)
            shutil.rmtree(work)
        print("%-16s %s" % (case, "   ".join(row)))
    print("total            " + "   ".join("%s %d/%d (%.1f%%)" % (n, h, t, 100 * h / t) for n, (h, t) in totals.items()))

if __name__ == "__main__":
    main()
