#!/usr/bin/env bash
# Builds the libFuzzer target (Fuzz/FuzzEdition.swift) with AddressSanitizer
# and runs it for SECONDS (default 60) on the bundled editions, the shared
# sample pages and the recorded PDF page geometry as the seed corpus. Crashes are written to .build-fuzz/crashes/
# and the run fails; a found crash becomes a regression test (docs/reliability.md).
#
#     Scripts/fuzz.sh 60                          # what CI runs
#     Scripts/fuzz.sh 3600 -max_len=1024          # a long run; extra arguments go to libFuzzer
#     FUZZ_ASAN=0 Scripts/fuzz.sh 3600            # without AddressSanitizer: about 3x the
#                                                 # executions; Swift's own checks (overflow,
#                                                 # bounds, unwrapping) still trap
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
# libFuzzer, not Swift's backtracer, must see a crash, so that it writes the
# input that caused it to $out/crashes/.
export SWIFT_BACKTRACE=enable=no
shift || true
out=.build-fuzz
mkdir -p "$out/corpus" "$out/crashes"
sources=$(find Sources/EditionKit Sources/Typesetting -name '*.swift' | sort)
sanitizers=fuzzer,address
binary="$out/fuzz-edition"
if [ "${FUZZ_ASAN:-1}" = 0 ]; then
    sanitizers=fuzzer
    binary="$out/fuzz-edition-noasan"
fi
if [ ! -x "$binary" ] || [ -n "$(find Fuzz $sources -newer "$binary" 2>/dev/null | head -1)" ]; then
    echo "fuzz: building $binary"
    swiftc -O -sanitize=$sanitizers -parse-as-library -module-name EditionKit \
        -suppress-warnings $sources Fuzz/FuzzEdition.swift -o "$binary"
fi
# Seeds: every bundled page and every shared sample page, cut into pieces of
# 4 KiB (the fuzzer's input limit here: small inputs run a hundred times
# faster, and a page's rules look no further than a few lines), each piece
# read as a whole file (first byte 0x80) and as one page (0x05).
seeds="$out/seeds"
rm -rf "$seeds" && mkdir -p "$seeds"
n=0
for f in $(find Editions ../shared/pages ../shared/seeds -name '*.txt' 2>/dev/null | sort); do
    n=$((n + 1))
    split -b 4000 -d -a 3 "$f" "$seeds/piece-$n-"
done
# PDF pages' geometry (the recorded pdftotext -bbox-layout output of the
# tests), without the tags the reader skips, so 4 KiB holds more lines.
for f in $(find Tests/EditionKitTests/Fixtures/geometry -name '*.html' | sort); do
    n=$((n + 1))
    grep -E '<line |<word |</line>' "$f" | sed -e 's/^ *//' | split -b 3900 -d -a 3 - "$seeds/geometry-$n-"
done
for p in "$seeds"/geometry-*; do
    { printf '\x05<page width="600" height="900">\n'; cat "$p"; } > "$p.page"
    rm "$p"
done
for p in "$seeds"/piece-*; do
    { printf '\x80'; cat "$p"; } > "$p.file"
    { printf '\x05'; cat "$p"; } > "$p.page"
    rm "$p"
done
echo "fuzz: $(ls "$seeds" | wc -l) seeds from $n pages, ${seconds}s"
"$binary" "$out/corpus" "$seeds" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/crashes/" -print_final_stats=1 "$@"
