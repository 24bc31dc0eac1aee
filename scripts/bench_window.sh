#!/usr/bin/env bash
# Measures the release window under Xvfb: time from exec to the first painted frame,
# resident memory with the Installation ID and its QR shown, and CPU use while idle.
# Needs: apt-get install xvfb xdotool imagemagick; cargo build --release.
# Usage: scripts/bench_window.sh [runs]   (prints each run, then the medians)
set -euo pipefail
runs=${1:-7}
source "$(dirname "$0")/window.sh"
start_display :97

home=$(mktemp -d)
blank_hash=""
firsts=() rsss=() cpus=()
for run in $(seq "$runs"); do
  rm -rf "$home"/*
  start=$(date +%s%N)
  ACTIVATION_COMPANION_HOME=$home "$binary" gui --lang ja --iid "$sample_iid" >/dev/null 2>&1 &
  pid=$!
  # First painted frame: the window exists and its pixels are no longer one flat colour.
  painted=""
  for _ in $(seq 400); do
    wid=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -1 || true)
    if [ -n "$wid" ]; then
      colours=$(import -window "$wid" -depth 8 -format '%k' info: 2>/dev/null || echo 1)
      if [ "${colours:-1}" -gt 2 ]; then painted=$(date +%s%N); break; fi
    fi
    sleep 0.005
  done
  [ -n "$painted" ] || { echo "run $run: no frame painted" >&2; kill "$pid"; continue; }
  first_ms=$(( (painted - start) / 1000000 ))
  read -r rss cpu < <(settle_and_measure "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $run: first frame ${first_ms} ms, RSS ${rss} MB, idle CPU ${cpu} %"
  firsts+=("$first_ms"); rsss+=("$rss"); cpus+=("$cpu")
done
echo "median: first frame $(median "${firsts[@]}") ms, RSS $(median "${rsss[@]}") MB, idle CPU $(median "${cpus[@]}") %"
