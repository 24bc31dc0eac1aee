#!/usr/bin/env bash
# Both Windows exes (64- and 32-bit) started under Wine, as CI's last step (.ci/run): the help
# in both languages, `iid --json` with a valid and a mistyped Installation ID and their exit
# codes (through the console companion `activation-companion.com`, and through cmd.exe the way
# a batch file reads %ERRORLEVEL%), a pipe in a Japanese console (code page 932: Shift-JIS),
# `report --out FILE`, and the window drawn on a 1024x768 screen with its title bar on it.
#
# Debian's Wine 8.0 lacks bcryptprimitives.dll (ProcessPrng, which Rust's standard library
# calls): scripts/process_prng.c, built here with mingw, stands in for it beside the exes.
# Installs what it needs when missing (wine, wine32, Xvfb, libx11-dev); every Wine call has a
# timeout. Screenshots are left in $WINE_SMOKE_OUT (default: a temporary folder, printed).
#
# Usage: scripts/wine_smoke.sh   (after `cargo build --release --target x86_64-pc-windows-gnu`
#        and the same for i686-pc-windows-gnu; $CARGO_TARGET_DIR is honoured;
#        WINE_SMOKE_ARCHS=x86_64 runs one of the two)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
valid=489126343257012289105546522085205332958764158851011127139061121
# The same ID with one digit of group 5 mistyped: its check fails.
mistyped=489126343257012289105546522085205332958764158851011127139061121
mistyped=${mistyped:0:30}7${mistyped:31}
started=$(date +%s)

needed=()
if ! command -v wine >/dev/null || ! dpkg -s wine32:i386 >/dev/null 2>&1; then
  needed+=(wine wine64 wine32:i386)
fi
command -v Xvfb >/dev/null || needed+=(xvfb)
[ -e /usr/include/X11/Xlib.h ] || needed+=(libx11-dev)
command -v i686-w64-mingw32-gcc >/dev/null || needed+=(gcc-mingw-w64-i686)
command -v x86_64-w64-mingw32-gcc >/dev/null || needed+=(gcc-mingw-w64-x86-64)
if [ ${#needed[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  dpkg --add-architecture i386
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
fi

work=$(mktemp -d)
out=${WINE_SMOKE_OUT:-$work/screens}
mkdir -p "$out"
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# A display of its own at the size the issue names (the window must fit it): the first free
# number from :80.
number=80
while [ -e "/tmp/.X$number-lock" ] || [ -e "/tmp/.X11-unix/X$number" ]; do number=$(( number + 1 )); done
display=:$number
Xvfb "$display" -screen 0 1024x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() {
  timeout 20 wineserver -k 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$work/prefix"
}
trap cleanup EXIT
export DISPLAY=$display
fail() { echo "wine_smoke: $*" >&2; exit 1; }
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$number" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X$number" ] || fail "Xvfb did not start on $display"

cc -O2 -o "$work/window_probe" scripts/window_probe.c -lX11
timeout 180 wineboot -i >/dev/null 2>&1 || fail "wineboot did not finish"
# Windows draw their own title bar (no window manager here), so the screenshot and the
# window's position include it.
timeout 60 wine reg add 'HKCU\Software\Wine\X11 Driver' /v Managed /t REG_SZ /d N /f \
  >/dev/null 2>&1 || fail "wine reg add did not work"
echo "wine_smoke: $(wine --version), prefix ready in $(( $(date +%s) - started )) s"

# run NAME COMMAND...   runs COMMAND with a timeout; its output in $work/NAME.out/.err and
# its exit code in $rc.
run() {
  local name=$1
  shift
  set +e
  timeout 60 "$@" >"$work/$name.out" 2>"$work/$name.err"
  rc=$?
  set -e
  [ "$rc" -ne 124 ] || fail "$name: timed out"
}

# expect NAME CODE   fails unless $rc is CODE.
expect() {
  [ "$rc" -eq "$2" ] || fail "$1: exit code $rc, expected $2 (stderr: $(head -c 400 "$work/$1.err"))"
}

for arch in ${WINE_SMOKE_ARCHS:-x86_64 i686}; do
  dir=$work/$arch
  mkdir -p "$dir"
  release=$target/$arch-pc-windows-gnu/release
  cp "$release/activation-companion.exe" "$dir/"
  # The console companion, under the name that cmd finds before the .exe.
  cp "$release/activation-companion-console.exe" "$dir/activation-companion.com"
  "$arch-w64-mingw32-gcc" -O2 -shared -Wl,--kill-at -o "$dir/bcryptprimitives.dll" \
    scripts/process_prng.c -ladvapi32
  # The window's exe has no console (GUI subsystem, 2); the companion is a console program (3).
  subsystem() { "$arch-w64-mingw32-objdump" -p "$1" | awk '/^Subsystem/ {print $2}'; }
  [ "$(subsystem "$dir/activation-companion.exe")" = 00000002 ] || fail "$arch: the .exe is not a GUI program"
  [ "$(subsystem "$dir/activation-companion.com")" = 00000003 ] || fail "$arch: the .com is not a console program"

  com=$dir/activation-companion.com
  run help-en wine "$com" --lang en --help
  expect help-en 0
  grep -q '^Usage: activation-companion' "$work/help-en.out" || fail "$arch: no English help"
  run help-ja wine "$com" --lang ja --help
  expect help-ja 0
  grep -q '使い方: activation-companion' "$work/help-ja.out" || fail "$arch: no Japanese help"

  run iid-valid wine "$com" iid --json "$valid"
  expect iid-valid 0
  grep -q '"valid": true' "$work/iid-valid.out" || fail "$arch: the valid ID was not said valid: $(head -c 400 "$work/iid-valid.out")"
  run iid-mistyped wine "$com" iid --json "$mistyped"
  expect iid-mistyped 1
  grep -q '"valid": false' "$work/iid-mistyped.out" || fail "$arch: the mistyped ID was not caught"

  # A batch file reads the exit codes the way a user's script does, finding the .com first.
  printf '@echo off\r\nactivation-companion iid --json %s >nul\r\necho valid=%%ERRORLEVEL%%\r\nactivation-companion iid --json %s >nul\r\necho mistyped=%%ERRORLEVEL%%\r\nexit /b 0\r\n' \
    "$valid" "$mistyped" >"$dir/codes.bat"
  cd "$dir" && run batch wine cmd /c codes.bat && cd - >/dev/null
  expect batch 0
  tr -d '\r' <"$work/batch.out" | grep -qx 'valid=0' || fail "$arch: cmd saw $(tr -d '\r' <"$work/batch.out" | tr '\n' ' ')"
  tr -d '\r' <"$work/batch.out" | grep -qx 'mistyped=1' || fail "$arch: cmd saw $(tr -d '\r' <"$work/batch.out" | tr '\n' ' ')"

  # Output to a file in a Japanese console (code page 932; wineconsole gives cmd a console of
  # its own): the Japanese verdict arrives in Shift-JIS, as `type` in that console shows it.
  printf '@echo off\r\nchcp 932 >nul\r\nactivation-companion --lang ja iid %s > ja.txt\r\n' "$valid" >"$dir/ja.bat"
  cd "$dir" && run ja-pipe wineconsole cmd /c ja.bat && cd - >/dev/null
  expect ja-pipe 0
  [ -s "$dir/ja.txt" ] || fail "$arch: the Japanese console wrote nothing to the file"
  iconv -f SHIFT_JIS -t UTF-8 "$dir/ja.txt" >"$work/ja.utf8" 2>/dev/null \
    || fail "$arch: the piped Japanese output is not Shift-JIS"
  grep -q 'インストール ID' "$work/ja.utf8" || fail "$arch: the piped Japanese output says $(head -c 300 "$work/ja.utf8")"

  run report wine "$com" report --out 'C:\report.json'
  expect report 0
  grep -q 'Support report written by activation-companion' "$WINEPREFIX/drive_c/report.json" || fail "$arch: report --out wrote no report"
  rm -f "$WINEPREFIX/drive_c/report.json"

  # The window: drawn with text, inside the 1024x768 screen, its title bar on it.
  wine "$dir/activation-companion.exe" --lang en gui --iid "$valid" >/dev/null 2>&1 &
  window_started=$!
  set +e
  where=$("$work/window_probe" "Activation Companion" 100 60 "$out/window-$arch.ppm")
  probed=$?
  set -e
  timeout 20 wineserver -k 2>/dev/null || true
  wait "$window_started" 2>/dev/null || true
  [ "$probed" -eq 0 ] || fail "$arch: the window was not drawn (screen in $out/window-$arch.ppm)"
  read -r x y width height colours <<<"$where"
  if [ "$x" -lt 0 ] || [ "$y" -lt 0 ] || [ $(( x + width )) -gt 1024 ] || [ $(( y + height )) -gt 768 ]; then
    fail "$arch: the window is at x=$x y=$y, ${width}x$height: not inside the 1024x768 screen"
  fi
  echo "wine_smoke: $arch ok (window at $x,$y, ${width}x$height, $colours+ colours; $(( $(date +%s) - started )) s)"
done
echo "wine_smoke: ${WINE_SMOKE_ARCHS:-x86_64 i686} passed in $(( $(date +%s) - started )) s; screens in $out"
