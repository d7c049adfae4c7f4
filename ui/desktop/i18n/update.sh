#!/bin/sh
# Refresh the Chinese translation after changing user-visible strings:
#   1. extract: new source strings land in the .ts as "unfinished";
#   2. translate them (Qt Linguist: pyside6-linguist, or edit the .ts by hand);
#   3. run this again to compile the .qm. Commit both files; tests/ui/test_translations.py checks.
set -e
cd "$(dirname "$0")"
pyside6-lupdate -silent -no-obsolete -locations relative \
    ../../tasks.py ../../formatting.py ../*.py ../*/*.py -ts workforce_zh_CN.ts
pyside6-lrelease -silent workforce_zh_CN.ts -qm workforce_zh_CN.qm
