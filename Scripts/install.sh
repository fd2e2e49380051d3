#!/usr/bin/env bash
# Installs folio for the current user (or under PREFIX): the binary, built
# statically against the Swift runtime (docs/performance.md), its man page
# (generated from the command definitions by swift-argument-parser's
# generate-manual plugin) and completions for bash, zsh and fish (generated
# by the binary itself).
#
#     Scripts/install.sh            # into ~/.local
#     Scripts/install.sh /usr/local # (as root)
#     DESTDIR=/tmp/stage Scripts/install.sh /usr   # staged, for packaging
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-$HOME/.local}
root=${DESTDIR:-}$prefix

swift build -c release --static-swift-stdlib --product folio
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)/folio
swift package plugin generate-manual --configuration release > /dev/null
manual=.build/plugins/GenerateManual/outputs/folio/folio.1

install -d "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
    "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
install -m 755 "$bin" "$root/bin/folio"
install -m 644 "$manual" "$root/share/man/man1/folio.1"
"$bin" --generate-completion-script bash > "$root/share/bash-completion/completions/folio"
"$bin" --generate-completion-script zsh > "$root/share/zsh/site-functions/_folio"
"$bin" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/folio.fish"
echo "installed: $root/bin/folio, its man page (man folio) and bash, zsh and fish completions"
