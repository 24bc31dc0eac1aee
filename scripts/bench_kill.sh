#!/usr/bin/env bash
# What survives a kill -9: types Confirmation ID digits into the release window under Xvfb,
# kills the process 0, 30, 60 and 100 ms after the last key, and reads what a restart would
# find in session.json. The promise: what was typed more than 100 ms before the kill is there.
# Needs: apt-get install xvfb xdotool; cargo build --release.
# Usage: scripts/bench_kill.sh [runs per delay]   (prints each delay's tally)
set -euo pipefail
runs=${1:-5}
source "$(dirname "$0")/window.sh"
start_display :95

# Three consistent blocks (A, B, C of a published Confirmation ID): the focus moves on by itself.
digits=426296483130829081
home=$(mktemp -d)

# The Confirmation ID digits a restart finds (session.json's blocks, joined).
on_disk() {
  python3 -c 'import json, sys
try:
    print("".join(json.load(open(sys.argv[1]))["cid_blocks"]))
except Exception:
    print("")' "$home/session.json"
}

for delay in 0 30 60 100; do
  kept=0 lost_digits=0
  for run in $(seq "$runs"); do
    rm -rf "${home:?}"/*
    ACTIVATION_COMPANION_HOME=$home "$binary" gui --lang en >/dev/null 2>"$home.stderr" &
    pid=$!
    wid=$(window_of "$pid")
    if [ -z "$wid" ]; then
      echo "delay $delay run $run: no window: $(cat "$home.stderr")" >&2
      kill "$pid" 2>/dev/null || true
      continue
    fi
    sleep 1.5
    xdotool windowfocus --sync "$wid"
    xdotool key --window "$wid" ctrl+3
    sleep 0.5
    xdotool type --window "$wid" --delay 15 "$digits"
    sleep "$(awk -v ms="$delay" 'BEGIN {printf "%.3f", ms / 1000}')"
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    found=$(on_disk)
    if [ "$found" = "$digits" ]; then
      kept=$((kept + 1))
    else
      lost_digits=$((lost_digits + ${#digits} - ${#found}))
      echo "delay ${delay} ms, run $run: on disk '$found'"
    fi
  done
  echo "kill -9 ${delay} ms after the last key: every digit kept in ${kept}/${runs} runs (${lost_digits} digits lost in all)"
done
