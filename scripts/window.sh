# Shared by the scripts that measure the release window under Xvfb; sourced, not run.
# Gives: $binary (checked to exist: $APP, else the release build in $CARGO_TARGET_DIR or target/),
# start_display (a fresh Xvfb, stopped when the script ends), start_probe (an empty $home and
# the first-frame probe $probe, gone when the script ends),
# window_of PID (the window's id, once it is shown), now (nanoseconds), median,
# settle_and_measure PID and $sample_iid (a published Installation ID: Windows 11 Pro).
# Needs: apt-get install xvfb xdotool imagemagick; cargo build --release.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
binary=${APP:-${CARGO_TARGET_DIR:-target}/release/activation-companion}
[ -x "$binary" ] || { echo "build first: cargo build --release" >&2; exit 2; }

# start_display :NN   starts Xvfb on that display and exports DISPLAY.
start_display() {
  # -noreset: without it the server resets whenever its last client leaves, and refuses the
  # next connection while it does.
  Xvfb "$1" -noreset -screen 0 1280x900x24 >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null' EXIT
  sleep 1
  export DISPLAY=$1
}

# start_probe   after start_display: an empty folder $home (for ACTIVATION_COMPANION_HOME) and
# $probe, scripts/first_frame.c built (exec to first painted frame, polled every millisecond);
# both removed, and Xvfb stopped, when the script ends. Needs libx11-dev and a C compiler.
start_probe() {
  home=$(mktemp -d)
  probe=$home.probe
  trap 'kill $xvfb 2>/dev/null; rm -rf "$home" "$probe"' EXIT
  cc -O2 -o "$probe" scripts/first_frame.c -lX11
}

# window_of PID   prints the id of PID's visible window (empty after 4 s without one).
window_of() {
  local wid=""
  for _ in $(seq 400); do
    wid=$(xdotool search --onlyvisible --pid "$1" 2>/dev/null | head -1 || true)
    [ -n "$wid" ] && break
    sleep 0.01
  done
  echo "$wid"
}

now() { date +%s%N; }

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

sample_iid=489126343257012289105546522085205332958764158851011127139061121

# settle_and_measure PID   waits 2 s, then prints "RSS_MB IDLE_CPU_PERCENT" of PID: its
# resident memory, and its CPU use over the next 5 s (ticks of /proc/PID/stat).
settle_and_measure() {
  local pid=$1 rss_kb t0 t1
  sleep 2
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  t0=$(awk '{print $14 + $15}' "/proc/$pid/stat"); sleep 5
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  awk -v d=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v kb="$rss_kb" \
    'BEGIN {printf "%d %.1f\n", kb / 1024, 100 * d / hz / 5}'
}
