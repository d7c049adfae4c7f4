#!/usr/bin/env bash
# The .deb of a built folder: /opt/workforce (the folder), /usr/bin/workforce (a link), the menu
# entry and the icon. Depends: the system libraries the folder's programs and libraries link to
# and do not carry (read from their ELF headers, found with ldconfig, named by dpkg -S), libc6 at
# the newest symbol version they use; nothing else.
#
#   bash packaging/linux/make-deb.sh BUNDLE VERSION OUT
set -euo pipefail
BUNDLE=$(cd "$1" && pwd) VERSION=$2 OUT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
ICONS="$HERE/../icons"
STAGE="$OUT/deb/workforce_${VERSION}_amd64"
rm -rf "$STAGE" && mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" \
  "$STAGE/usr/share/applications" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
  "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/doc/workforce"
cp -a "$BUNDLE" "$STAGE/opt/workforce"
ln -s /opt/workforce/workforce "$STAGE/usr/bin/workforce"
install -m 644 "$HERE/workforce.desktop" "$STAGE/usr/share/applications/workforce.desktop"
install -m 644 "$ICONS/workforce.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/workforce.svg"
install -m 644 "$ICONS/workforce.png" "$STAGE/usr/share/icons/hicolor/256x256/apps/workforce.png"
cat > "$STAGE/usr/share/doc/workforce/copyright" <<'TEXT'
社区工作者档案与薪酬管理系统 (workforce).
The folder /opt/workforce carries Python, Qt for Python (PySide6, LGPLv3) and the other libraries
the program uses, each under its own licence, and the font fonts/DroidSansFallbackFull.ttf
(Droid Sans Fallback, Copyright (C) 2008 The Android Open Source Project, Apache License 2.0).
TEXT

# What the folder needs from the system: NEEDED entries no file of the folder provides.
declare -A carried=() needed=()
while IFS= read -r -d '' f; do carried[$(basename "$f")]=1; done < <(find "$BUNDLE" -type f -print0)
glibc=0
while IFS= read -r -d '' f; do
  head -c 4 "$f" 2>/dev/null | grep -q 'ELF' || continue
  for lib in $(readelf -d "$f" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    [ -n "${carried[$lib]:-}" ] || needed[$lib]=1
  done
  v=$(objdump -T "$f" 2>/dev/null | grep -o 'GLIBC_2\.[0-9]*' | cut -d. -f2 | sort -n | tail -1 || true)
  [ -n "$v" ] && [ "$v" -gt "$glibc" ] && glibc=$v
done < <(find "$BUNDLE" -type f \( -name '*.so*' -o -perm -u+x \) -print0)
declare -A packages=()
for lib in "${!needed[@]}"; do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF}' | head -1 || true)
  if [ -z "$path" ]; then echo "make-deb: $lib not found on this machine: install it" >&2; exit 1; fi
  real=$(readlink -f "$path")
  pkg=$(dpkg -S "$real" 2>/dev/null || dpkg -S "/usr$real" 2>/dev/null || dpkg -S "${real#/usr}" 2>/dev/null || true)
  pkg=${pkg%%:*}
  if [ -z "$pkg" ]; then echo "make-deb: no package provides $real" >&2; exit 1; fi
  packages[$pkg]=1
done
unset 'packages[libc6]'
depends="libc6 (>= 2.$glibc)"
for pkg in $(printf '%s\n' "${!packages[@]}" | sort); do depends="$depends, $pkg"; done

cat > "$STAGE/DEBIAN/control" <<TEXT
Package: workforce
Version: $VERSION
Architecture: amd64
Maintainer: workforce <workforce@localhost>
Section: misc
Priority: optional
Installed-Size: $(du -sk "$STAGE" | cut -f1)
Depends: $depends
Description: 社区工作者档案与薪酬管理系统
 Community workers' files (一人一档), the 三岗十八级 pay scale, the yearly
 grade adjustment, the monthly payroll, rosters and statistics, for district
 HR clerks. Desktop program and the workforce command; Python and Qt are
 carried in /opt/workforce. The data stays in each user's data folder
 (~/.local/share/workforce), never under /opt: upgrading keeps it.
TEXT
dpkg-deb --root-owner-group -Zgzip --build "$STAGE" "$OUT/workforce_${VERSION}_amd64.deb" >/dev/null
echo "Depends: $depends" >&2
