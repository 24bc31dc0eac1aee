#!/usr/bin/env bash
# What a big font folder costs the first frame: the app with an Installation ID on screen 1
# (`gui --lang ja --iid`), its first painted frame (scripts/first_frame.c's probe, as
# scripts/bench_first_frame.sh), with a font folder the size of a Japanese Windows' against
# none, in alternating runs under one Xvfb. iced's text system loads every system font file
# (fontdb, through fontconfig's folders here, C:\Windows\Fonts on Windows) before the first
# frame, though the app draws only with its embedded fonts.
#
# The font folder is $FONTS (default: Debian's Noto CJK, Noto CJK extra and Noto core fonts,
# unpacked into a temporary folder without installing them:
#   apt-get download fonts-noto-cjk fonts-noto-cjk-extra fonts-noto-core
# ~560 files, ~350 MB, a Japanese Windows 10 has ~400 files, ~600 MB-1 GB).
# Needs: apt-get install xvfb libx11-dev (and a C compiler); cargo build --release.
# Usage: scripts/bench_fonts.sh [runs]   (prints each pair, the medians and the difference)
set -euo pipefail
runs=${1:-9}
source "$(dirname "$0")/window.sh"
start_display :95

home=$(mktemp -d)
fonts=${FONTS:-}
if [ -z "$fonts" ]; then
  fonts=$home.fonts
  mkdir -p "$fonts.debs"
  (cd "$fonts.debs" && apt-get download fonts-noto-cjk fonts-noto-cjk-extra fonts-noto-core >/dev/null)
  for deb in "$fonts.debs"/*.deb; do dpkg -x "$deb" "$fonts"; done
fi
trap 'kill $xvfb 2>/dev/null; rm -rf "$home" "$home.probe" "$home.fonts" "$home.fonts.debs" "$home".*.conf' EXIT
echo "font folder: $(find "$fonts" -type f \( -name '*.tt?' -o -name '*.otf' -o -name '*.otc' \) | wc -l) font files, $(du -sh "$fonts" | cut -f1)"

# Two fontconfig configurations: the folder, and a folder that does not exist (no font).
printf '<?xml version="1.0"?>\n<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n' \
  "$fonts" "$home.cache" >"$home.with.conf"
cp tests/fonts/no-system-fonts.conf "$home.without.conf"

cc -O2 -o "$home.probe" scripts/first_frame.c -lX11
# first_frame CONF   prints the ms from exec to the first painted frame (empty if none).
first_frame() {
  rm -rf "${home:?}"/*
  FONTCONFIG_FILE=$1 ACTIVATION_COMPANION_HOME=$home "$home.probe" \
    "$binary" gui --lang ja --iid "$sample_iid" 2>/dev/null || true
}
# One run of each, unmeasured: the font files in the page cache, as on a PC that has run.
first_frame "$home.with.conf" >/dev/null
first_frame "$home.without.conf" >/dev/null

withs=() withouts=()
for run in $(seq "$runs"); do
  if [ $(( run % 2 )) -eq 0 ]; then
    w=$(first_frame "$home.with.conf"); o=$(first_frame "$home.without.conf")
  else
    o=$(first_frame "$home.without.conf"); w=$(first_frame "$home.with.conf")
  fi
  if [ -z "$w" ] || [ -z "$o" ]; then
    echo "run $run: a window painted no frame (with '${w}', without '${o}')" >&2
    continue
  fi
  echo "run $run: with the font folder ${w} ms, without ${o} ms"
  withs+=("$w") withouts+=("$o")
done
[ "${#withs[@]}" -gt 0 ] || exit 1
mw=$(median "${withs[@]}") mo=$(median "${withouts[@]}")
echo "median of ${#withs[@]}: with the font folder ${mw} ms, without ${mo} ms, difference $(( mw - mo )) ms"
