#!/usr/bin/env bash
# Measures the release window under Xvfb after a person pastes 1 MB of digits into the
# Installation ID box with Ctrl+V: how long until the window shows its verdict, how long each
# following key takes to reach the screen, CPU use while idle, and resident memory.
# Needs: apt-get install xvfb xdotool xclip x11-apps; cargo build --release.
# Usage: scripts/bench_paste.sh [runs]   (prints each run, then the medians)
#
# Key-to-frame: a key is sent with xdotool, then the window is captured (xwd) until its pixels
# change; the time includes one capture (about 10-20 ms here), so it is an upper bound.
set -euo pipefail
runs=${1:-5}
# What is pasted: 1 MB of digits by default; `PASTE_BYTES=16000` tries the most the box keeps.
bytes=${PASTE_BYTES:-1000000}
source "$(dirname "$0")/window.sh"
start_display :96

megabyte=$(mktemp)
head -c "$bytes" /dev/zero | tr '\0' '7' >"$megabyte"
home=$(mktemp -d)

frame() { xwd -silent -id "$1" | md5sum | cut -c1-32; }
# Waits until the window's pixels differ from $2; prints the milliseconds since $3.
until_changed() {
  local wid=$1 before=$2 since=$3
  for _ in $(seq 2000); do
    if [ "$(frame "$wid")" != "$before" ]; then
      echo $(( ($(now) - since) / 1000000 ))
      return
    fi
  done
  echo "never"
}

pastes=() keys=() cpus=() rsss=()
for run in $(seq "$runs"); do
  rm -rf "${home:?}"/*
  ACTIVATION_COMPANION_HOME=$home "$binary" gui --lang ja >/dev/null 2>&1 &
  pid=$!
  wid=$(window_of "$pid")
  [ -n "$wid" ] || { echo "run $run: no window" >&2; kill "$pid"; continue; }
  sleep 1.5
  xdotool windowfocus --sync "$wid"
  xclip -selection clipboard -in <"$megabyte"

  # The paste: Ctrl+V in the focused Installation ID box.
  before=$(frame "$wid")
  start=$(now)
  xdotool key --window "$wid" ctrl+v
  paste_ms=$(until_changed "$wid" "$before" "$start")
  sleep 1

  # Five keys after the paste, each to its frame: digits typed into the box.
  worst=0
  for digit in 4 8 9 1 2; do
    before=$(frame "$wid")
    start=$(now)
    xdotool key --window "$wid" "$digit"
    ms=$(until_changed "$wid" "$before" "$start")
    [ "$ms" = never ] && ms=99999
    [ "$ms" -gt "$worst" ] && worst=$ms
    sleep 0.3
  done

  read -r rss cpu < <(settle_and_measure "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $run: paste to frame ${paste_ms} ms, slowest of 5 keys ${worst} ms, idle CPU ${cpu} %, RSS ${rss} MB"
  pastes+=("$paste_ms"); keys+=("$worst"); cpus+=("$cpu"); rsss+=("$rss")
done
echo "median: paste to frame $(median "${pastes[@]}") ms, slowest key $(median "${keys[@]}") ms, idle CPU $(median "${cpus[@]}") %, RSS $(median "${rsss[@]}") MB"
