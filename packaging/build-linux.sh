#!/usr/bin/env bash
# Build the office-PC package on Linux (x86_64): the one-folder program (PyInstaller), a .tar.gz of
# that folder and a .deb for 统信UOS / 银河麒麟 / Debian / Ubuntu.
#
#   bash packaging/build-linux.sh [OUT]        (OUT default /tmp/workforce-build, outside the checkout)
#
# OUT/dist/workforce/                      the folder: run OUT/dist/workforce/workforce
# OUT/workforce-VERSION-linux-x86_64.tar.gz
# OUT/workforce_VERSION_amd64.deb          /opt/workforce, /usr/bin/workforce, menu entry, icon
#
# Python: the interpreter on PATH (3.11+) when it has the program's dependencies and PyInstaller;
# otherwise (or with WORKFORCE_BUILD_VENV=1) a virtual environment in OUT/venv gets them from the
# checkout (`pip install ROOT pyinstaller`). The bundle runs on systems whose glibc is at least the
# build machine's (the .deb says which): build on the oldest system you ship to.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mkdir -p "${1:-/tmp/workforce-build}" && cd "${1:-/tmp/workforce-build}" && pwd)
case "$OUT/" in "$ROOT"/*) echo "OUT must be outside the checkout" >&2; exit 2 ;; esac
PYTHON=${PYTHON:-python3}
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore

needs_venv() {
  [ "${WORKFORCE_BUILD_VENV:-0}" = 1 ] && return 0
  "$PYTHON" - <<'EOF' 2>/dev/null && return 1 || return 0
import sys
assert sys.version_info >= (3, 11)
import PyInstaller, PySide6.QtCharts, sqlalchemy, alembic, reportlab, openpyxl, xlsxwriter  # noqa
import python_calamine, platformdirs, psycopg, argon2  # noqa
EOF
}
if needs_venv; then
  echo "== a build environment in $OUT/venv" >&2
  "$PYTHON" -m venv "$OUT/venv"
  PYTHON="$OUT/venv/bin/python"
  "$PYTHON" -m pip install -q "$ROOT" "pyinstaller>=6.10,<7"
fi

# The font PDFs embed (Droid Sans Fallback, Apache-2.0) from Debian's package when not given.
if [ -z "${WORKFORCE_BUNDLE_FONT:-}" ] && [ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]; then
  apt-get install -y -qq fonts-droid-fallback >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq fonts-droid-fallback >/dev/null; }
fi

echo "== PyInstaller (packaging/workforce.spec) -> $OUT/dist/workforce" >&2
started=$(date +%s)
rm -rf "$OUT/dist" "$OUT/work"
# the checkout's modules, not an installed copy of the program
PYTHONPATH="$ROOT" "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/work" "$ROOT/packaging/workforce.spec"
BUNDLE="$OUT/dist/workforce"
VERSION=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' \
  "$BUNDLE/_internal/build-info.json")
echo "bundle: $(du -sm "$BUNDLE" | cut -f1) MB in $(( $(date +%s) - started )) s" >&2

echo "== $OUT/workforce-$VERSION-linux-x86_64.tar.gz" >&2
tar -C "$OUT/dist" -czf "$OUT/workforce-$VERSION-linux-x86_64.tar.gz" workforce

echo "== $OUT/workforce_${VERSION}_amd64.deb" >&2
bash "$ROOT/packaging/linux/make-deb.sh" "$BUNDLE" "$VERSION" "$OUT"
echo "built in $(( $(date +%s) - started )) s" >&2
