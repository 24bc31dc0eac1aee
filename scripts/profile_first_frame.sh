#!/usr/bin/env bash
# Where the first frame's work goes, in instructions counted by callgrind, which the machine's
# load does not change (scripts/bench_first_frame.sh's milliseconds it does): the bare iced
# window (examples/bare_window.rs), the app (`gui --lang ja`, fresh empty home) and the app with
# an Installation ID (`--iid`), once each under one Xvfb. Counts the main thread from exec to the
# end of its first frame's drawing (callgrind's --dump-after=iced_tiny_skia::Renderer::draw: the
# profile's part 1), prints the totals and the main pieces, and keeps the profiles.
# Needs: apt-get install valgrind xvfb libx11-dev (and a C compiler);
#        a release build with symbols, in a target folder of its own:
#          CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_RELEASE_DEBUG=1 \
#            cargo build --release --features bare-window --target-dir target/profiling
#        ($APP and $BARE name other builds of the two).
# Usage: scripts/profile_first_frame.sh [folder for the profiles]   (default: a new one in /tmp)
#        then, e.g.: callgrind_annotate --inclusive=yes FOLDER/iid.1-01 | less
#        REPORT_ONLY=1 scripts/profile_first_frame.sh FOLDER   prints the report again from the
#        profiles in FOLDER (an earlier build's, to compare)
set -euo pipefail

out=${1:-$(mktemp -d /tmp/first-frame-profile.XXXXXX)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
APP=${APP:-target/profiling/release/activation-companion}
source "$(dirname "$0")/window.sh"
bare=${BARE:-target/profiling/release/bare_window}

# profile NAME COMMAND...   runs COMMAND under callgrind until its first frame is painted.
profile() {
  local name=$1
  shift
  rm -rf "${home:?}"/* "$out/$name".*
  ACTIVATION_COMPANION_HOME=$home FIRST_FRAME_LIMIT_MS=120000 "$probe" \
    valgrind --tool=callgrind --separate-threads=yes \
    --dump-after='iced_tiny_skia::Renderer::draw' \
    --callgrind-out-file="$out/$name" "$@" >/dev/null 2>&1 || true
  [ -s "$out/$name.1-01" ] || { echo "$name: no first frame profiled" >&2; exit 1; }
}

if [ -z "${REPORT_ONLY:-}" ]; then
  [ -x "$bare" ] || { echo "build first (see this script's header)" >&2; exit 2; }
  start_display :96
  start_probe
  profile bare "$bare"
  profile app "$binary" gui --lang ja
  profile iid "$binary" gui --lang ja --iid "$sample_iid"
fi

# inclusive NAME PATTERN   the instructions in the function matching PATTERN and below (the
# most of those that match: one function can be listed under several source files).
inclusive() {
  # From /: run inside the crate, callgrind_annotate lists its files by relative paths and
  # misses some of their functions.
  (cd / && callgrind_annotate --inclusive=yes --auto=no --threshold=100 "$out/$1.1-01") 2>/dev/null |
    grep -E "^ *[0-9,]+ .*$2" | awk '{gsub(",", "", $1); if ($1 + 0 > most) most = $1 + 0}
      END {print most + 0}'
}

# calls NAME PATTERN   how often functions matching PATTERN were called (callgrind names a
# function once, by number after that).
calls() {
  awk -v pattern="$2" '
    /^c?fn=\(/ {
      id = $1; sub(/^c?fn=/, "", id)
      name = $0; sub(/^c?fn=\([0-9]+\) ?/, "", name)
      if (name != "") names[id] = name
      wanted = /^cfn=/ && (names[id] ~ pattern)
      next
    }
    /^calls=/ { if (wanted) { split($0, c, /[= ]/); total += c[2] } wanted = 0; next }
    { wanted = 0 }
    END { print total + 0 }' "$out/$1.1-01"
}

row() {
  local label=$1 pattern=$2
  printf '%-46s' "$label"
  for name in bare app iid; do
    awk -v n="$(inclusive "$name" "$pattern")" 'BEGIN {printf "%11.1f", n / 1e6}'
  done
  echo
}

printf '%-46s%11s%11s%11s\n' "million instructions, main thread" bare app "app --iid"
row "to the end of the first frame's drawing" "PROGRAM TOTALS"
row "  iced's event loop (winit EventLoop::new)" "EventLoop<T>::new \["
row "    input method: XOpenIM (Compose file)" "XOpenIM \["
row "  the app's state (App::new)" "App>::new \["
row "  drawing (iced_tiny_skia Renderer::draw)" "lib.rs:iced_tiny_skia::Renderer::draw \["
row "    text (iced_tiny_skia text::draw)" "iced_tiny_skia::text::draw \["
row "      hinting set-up (HintInstance::reconfigure)" "HintInstance::reconfigure \["
printf '%-46s' "      hinting set-ups (calls)"
for name in bare app iid; do printf '%11s' "$(calls "$name" 'HintInstance::reconfigure')"; done
echo
echo "profiles: $out/{bare,app,iid}.1-01 (the main thread to its first frame)"
