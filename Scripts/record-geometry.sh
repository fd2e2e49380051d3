#!/usr/bin/env bash
# Records `pdftotext -bbox-layout` output for the PDF reader's unit tests, so
# they run without the extractor: the sample pages of ../shared/pages (with
# their gold models) and our own shape pages (Scripts/shape-pages.py).
# Needs poppler-utils. Run from the repository root after changing either.
set -euo pipefail
out=Tests/EditionKitTests/Fixtures/geometry
mkdir -p "$out/shapes"
shared=${SHARED_PAGES:-../shared/pages}
for d in "$shared"/train-*/; do
    name=$(basename "$d")
    [ -f "$d/page.pdf" ] || continue
    case $name in *-plain|*-mupdf) continue;; esac
    pdftotext -bbox-layout -enc UTF-8 "$d/page.pdf" "$out/$name.html"
    cp "$d/gold.json" "$out/$name.gold.json"
    chmod 644 "$out/$name.gold.json"
done
for pdf in Tests/FolioCLITests/PDFs/*/*.pdf; do
    pdftotext -bbox-layout -enc UTF-8 "$pdf" "$out/shapes/$(basename "$pdf" .pdf).html"
done
ls "$out" "$out/shapes"
