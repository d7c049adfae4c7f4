#!/usr/bin/env bash
# Prove a built package runs on an office PC: no Python on PATH, an empty HOME, no checkout in
# reach (the working folder is a fresh temporary one and the environment is emptied).
#
#   bash packaging/smoke-linux.sh OUT      (OUT as given to packaging/build-linux.sh)
#
# Then installs the .deb (dpkg -i), runs the launcher, reinstalls it over itself (the upgrade
# path) and checks the user's database is kept, and removes the package again. Prints the figures:
# bundle and package size, start times of the bundle against the same checkout run by the build's
# Python (as pip-installed), and how long the desktop takes to show its window (under Xvfb).
set -euo pipefail
OUT=$(cd "$1" && pwd)
BUNDLE="$OUT/dist/workforce"
DEB=$(ls "$OUT"/workforce_*_amd64.deb)
TARBALL=$(ls "$OUT"/workforce-*-linux-x86_64.tar.gz)
T=$(mktemp -d /tmp/workforce-smoke.XXXXXX)
xvfb=""
trap '[ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true; rm -rf "$T"' EXIT
mkdir -p "$T/bin" "$T/home" "$T/tmp" "$T/work"
# the only programs on PATH: what the program itself may call (fc-list for fonts)
for tool in fc-list; do p=$(command -v "$tool" || true); [ -n "$p" ] && ln -s "$p" "$T/bin/"; done
if PATH="$T/bin" command -v python3 python >/dev/null 2>&1; then echo "python on PATH" >&2; exit 1; fi
failed=0
step() { echo "-- $*" >&2; }
bad() { echo "FAILED: $*" >&2; failed=1; }
# run PROGRAM ARGS…: in the empty world
run() { (cd "$T/work" && env -i HOME="$T/home" PATH="$T/bin" LANG=C.UTF-8 TMPDIR="$T/tmp" "$@"); }
ms() { date +%s%N | cut -c1-13; }

W="$BUNDLE/workforce"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if command -v pyi-archive_viewer >/dev/null; then
  step "every module of workforce/, ui/ and reports/ is in the bundle (the commands' code too)"
  pyi-archive_viewer -r -b "$W" 2>/dev/null | sed 's/^ *//' | sort -u >"$T/archived"
  python3 -c 'import sys; sys.path.insert(0, sys.argv[1] + "/packaging"); import bundle_contents as c
from pathlib import Path; print("\n".join(c.program_modules(Path(sys.argv[1]))))' "$ROOT" | sort -u >"$T/modules"
  missing=$(comm -23 "$T/modules" "$T/archived")
  if [ -n "$missing" ]; then bad "modules missing from the bundle: $missing"; else
    echo "$(wc -l <"$T/modules") modules, all in the bundle" >&2
  fi
fi
step "workforce --version"
version=$(run "$W" --version) || bad "--version"
echo "$version"
case "$version" in *构建于*提交*) ;; *) bad "--version lacks the build date or commit" ;; esac
step "workforce --help"
run "$W" --help >/dev/null || bad "--help"
step "workforce init (the user's data folder under the empty HOME)"
run "$W" init || bad "init"
DB="$T/home/.local/share/workforce/workforce.db"
[ -f "$DB" ] || bad "no database in the user's data folder"
[ -z "$(find "$BUNDLE" -name '*.db')" ] || bad "a database inside the install folder"
step "workforce check"
run "$W" check || bad "check"
step "workforce demo --workers 500 --seed 1"
run "$W" demo --workers 500 --seed 1 2>&1 | tail -1 || bad "demo"
step "workforce payroll run --month 2026-01"
run "$W" payroll run --month 2026-01 2>&1 | tail -2 || bad "payroll run"
step "workforce roster pdf"
run "$W" roster pdf "$T/roster.pdf" 2>&1 | tail -1 || bad "roster pdf"
if command -v pdffonts >/dev/null; then
  pdffonts "$T/roster.pdf" | tee "$T/fonts.txt"
  # every font embedded, and the Chinese text in the TrueType font the bundle ships
  awk 'NR > 2 && $(NF-4) != "yes" {exit 1}' "$T/fonts.txt" || bad "a font of the PDF is not embedded"
  grep -q 'DroidSansFallback.*TrueType' "$T/fonts.txt" || bad "the PDF does not use the bundled font"
else
  bad "pdffonts missing (poppler-utils)"
fi

step "the desktop, offscreen, 10 s"
set +e
run QT_QPA_PLATFORM=offscreen "$(command -v timeout)" 10 "$W" >"$T/desktop.log" 2>&1
status=$?
set -e
grep -v 'propagateSizeHints' "$T/desktop.log" || true
[ "$status" = 124 ] || bad "the desktop ended by itself (status $status) within 10 s"
if grep -qiE 'traceback|error|could not (load|find) the qt platform plugin' "$T/desktop.log"; then
  bad "the desktop wrote an error"
fi

# Figures: start time of the bundle against the same checkout run by the build's Python, as a
# pip-installed program runs (median of 5, taking turns): wall-clock, and CPU (user + system),
# which a busy machine disturbs less.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null || true)  # not a pyenv shim
SOURCE=()
if [ -n "$PY" ] && "$PY" -c 'import PySide6, sqlalchemy' 2>/dev/null; then
  SOURCE=(PYTHONPATH="$ROOT" "$PY" "$ROOT/main.py")
fi
times_of() {  # FILE PROGRAM ARGS…: append "wall-ms cpu-ms" of one run in the empty world
  local file=$1 TIMEFORMAT='%R %U %S'
  shift
  { time run "$@" >/dev/null 2>&1; } 2>>"$file.raw" || true
  tail -1 "$file.raw" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' >>"$file"
}
ratio() { awk -v b="$1" -v p="$2" 'BEGIN {printf "%.2f", b / p}'; }
echo "== figures"
echo "bundle folder: $(du -sm "$BUNDLE" | cut -f1) MB; .deb $(du -m "$DEB" | cut -f1) MB; .tar.gz $(du -m "$TARBALL" | cut -f1) MB"
for args in "--help" "check"; do
  rm -f "$T/tb" "$T/tp" "$T/tb.raw" "$T/tp.raw"
  for _ in 1 2 3 4 5; do
    times_of "$T/tb" "$W" $args
    [ ${#SOURCE[@]} = 0 ] || times_of "$T/tp" "${SOURCE[@]}" $args
  done
  bw=$(cut -d' ' -f1 "$T/tb" | median) bc=$(cut -d' ' -f2 "$T/tb" | median)
  line="start, workforce $args: bundle ${bw} ms (cpu ${bc} ms)"
  if [ ${#SOURCE[@]} != 0 ]; then
    pw=$(cut -d' ' -f1 "$T/tp" | median) pc=$(cut -d' ' -f2 "$T/tp" | median)
    line="$line, from source ${pw} ms (cpu ${pc} ms): x$(ratio "$bw" "$pw") wall, x$(ratio "$bc" "$pc") cpu"
  fi
  echo "$line"
done

# The desktop's window on a real X server (xcb platform plugin), from start to mapped.
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  # a display nobody uses: the server picks it (-displayfd), a fixed number may be taken
  Xvfb -displayfd 3 -screen 0 1366x768x24 3>"$T/display" >/dev/null 2>&1 &
  xvfb=$!
  for _ in $(seq 100); do [ -s "$T/display" ] && break; sleep 0.1; done
  display=:$(tr -d '[:space:]' <"$T/display")
  window_ms() {  # PROGRAM…: ms until a window of the program is visible, then stop it
    local s pid took
    s=$(ms)
    (cd "$T/work" && exec env QT_QPA_PLATFORM=xcb DISPLAY="$display" HOME="$T/home" PATH="$T/bin:/usr/bin:/bin" "$@" >/dev/null 2>&1) &
    pid=$!
    if DISPLAY="$display" timeout 30 xdotool search --sync --onlyvisible --pid "$pid" >/dev/null 2>&1 \
      || DISPLAY="$display" timeout 5 xdotool search --sync --onlyvisible --class workforce >/dev/null 2>&1; then
      took=$(( $(ms) - s ))
    else
      took=none
    fi
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    echo "$took"
  }
  # median of 3, the two programs taking turns (the machine may be busy)
  for _ in 1 2 3; do
    window_ms "$W" >>"$T/window-bundle"
    [ ${#SOURCE[@]} = 0 ] || window_ms env "${SOURCE[@]}" >>"$T/window-pip"
  done
  b=$( (grep -v none "$T/window-bundle" || true) | median)  # no window at all: said below
  [ -n "$b" ] || bad "no desktop window on X (xcb)"
  line="desktop window shown (Xvfb, xcb): bundle ${b} ms"
  if [ ${#SOURCE[@]} != 0 ]; then
    p=$( (grep -v none "$T/window-pip" || true) | median)
    [ -n "$p" ] || p=none
    if [ "$p" = none ] || [ -z "$b" ]; then line="$line, from source ${p} ms"; else
      line="$line, from source ${p} ms (x$(awk -v b="$b" -v p="$p" 'BEGIN {printf "%.2f", b / p}'))"
    fi
  fi
  echo "$line"
  kill "$xvfb" 2>/dev/null || true
fi

# The .deb on this machine: install, launcher on PATH, reinstall over it (upgrade), data kept.
if command -v dpkg >/dev/null && [ "$(id -u)" = 0 ]; then
  step "dpkg -i $(basename "$DEB")"
  if dpkg -s workforce >/dev/null 2>&1; then echo "a workforce package is installed already: left alone" >&2; else
    dpkg -i "$DEB" >/dev/null || bad "dpkg -i"
    [ -x /opt/workforce/workforce ] && [ -L /usr/bin/workforce ] || bad "launcher not installed"
    grep -q '^Name=社区工作者档案与薪酬管理系统' /usr/share/applications/workforce.desktop || bad "desktop entry"
    if command -v desktop-file-validate >/dev/null; then
      desktop-file-validate /usr/share/applications/workforce.desktop || bad "desktop entry invalid"
    fi
    rm -rf "$T/home2" && mkdir -p "$T/home2"
    (cd "$T/work" && env -i HOME="$T/home2" PATH="/usr/bin:/bin" /usr/bin/workforce init >/dev/null 2>&1) \
      || bad "the installed launcher"
    (cd "$T/work" && env -i HOME="$T/home2" PATH="/usr/bin:/bin" /usr/bin/workforce demo --workers 20 --seed 2 >/dev/null 2>&1) \
      || bad "the installed launcher: demo"
    before=$(sha256sum "$T/home2/.local/share/workforce/workforce.db" | cut -c1-64)
    dpkg -i "$DEB" >/dev/null || bad "dpkg -i over the installed package"
    after=$(sha256sum "$T/home2/.local/share/workforce/workforce.db" | cut -c1-64)
    [ "$before" = "$after" ] || bad "the user's database changed on reinstall"
    (cd "$T/work" && env -i HOME="$T/home2" PATH="/usr/bin:/bin" /usr/bin/workforce check) \
      || bad "check after reinstall"
    dpkg -r workforce >/dev/null || bad "dpkg -r"
    [ ! -e /opt/workforce ] || bad "/opt/workforce left after dpkg -r"
    [ -f "$T/home2/.local/share/workforce/workforce.db" ] || bad "dpkg -r removed the user's data"
  fi
fi

if [ "$failed" = 0 ]; then echo "package smoke test: passed" >&2; else echo "package smoke test: FAILED" >&2; fi
exit "$failed"
