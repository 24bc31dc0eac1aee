#!/usr/bin/env bash
# The app's first painted frame against a bare iced window's (examples/bare_window.rs: the same
# iced, window size and theme, one text), under one Xvfb, in alternating runs: exec until the
# window exists and its pixels are more than 2 colours (scripts/bench_window.sh's criterion, by
# the probe scripts/first_frame.c, which polls every millisecond instead of every ~90 ms).
# Each round runs the bare window, the app (`gui --lang ja`, fresh empty home) and the app with
# an Installation ID on screen 1 (`--iid`, so its QR code is drawn), the order rotating.
# Needs: apt-get install xvfb libx11-dev (and a C compiler);
#        cargo build --release --features bare-window (the app and the bare window)
#        ($APP and $BARE name other builds of the two).
# Usage: scripts/bench_first_frame.sh [pairs]   (prints each round, the medians and the ratios)
set -euo pipefail
pairs=${1:-9}

source "$(dirname "$0")/window.sh"
bare=${BARE:-${CARGO_TARGET_DIR:-target}/release/bare_window}
[ -x "$bare" ] || { echo "build first: cargo build --release --features bare-window" >&2; exit 2; }
start_display :94
start_probe

# first_frame COMMAND...   prints the ms from exec to the first painted frame (empty if none).
first_frame() {
  rm -rf "${home:?}"/*
  ACTIVATION_COMPANION_HOME=$home "$probe" "$@" 2>/dev/null || true
}

apps=() bares=() iids=()
for pair in $(seq "$pairs"); do
  for turn in $(( pair % 3 )) $(( (pair + 1) % 3 )) $(( (pair + 2) % 3 )); do
    case $turn in
      0) b=$(first_frame "$bare") ;;
      1) a=$(first_frame "$binary" gui --lang ja) ;;
      2) i=$(first_frame "$binary" gui --lang ja --iid "$sample_iid") ;;
    esac
  done
  if [ -z "$a" ] || [ -z "$b" ] || [ -z "$i" ]; then
    echo "pair $pair: a window painted no frame (app '${a}', bare '${b}', --iid '${i}')" >&2
    continue
  fi
  echo "pair $pair: app ${a} ms, bare ${b} ms, app --iid ${i} ms"
  apps+=("$a") bares+=("$b") iids+=("$i")
done
[ "${#apps[@]}" -gt 0 ] || exit 1
ma=$(median "${apps[@]}") mb=$(median "${bares[@]}") mi=$(median "${iids[@]}")
echo "median of ${#apps[@]}: app ${ma} ms, bare ${mb} ms, app --iid ${mi} ms"
awk -v a="$ma" -v b="$mb" -v i="$mi" \
  'BEGIN {printf "ratio: app %.2fx the bare window, app --iid %.2fx\n", a / b, i / b}'
