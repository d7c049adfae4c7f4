"""Roster PDF benchmark: ``write_roster_pdf`` against reportlab drawing the same table alone.

Run by hand (not by pytest)::

    python bench/bench_roster_pdf.py --db demo.db   # a database made by `workforce demo`

The ceiling draws the very same cells (pre-formatted strings, same font, same positions, one text
object per page, no grid lines, no measuring) straight on a reportlab canvas.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from reports.fonts import cjk_font
from reports.roster.pdf import (
    PAGE_HEIGHT,
    PAGE_WIDTH,
    ROW_HEIGHT,
    RosterDocument,
    _scaled_columns,
    rows_per_page,
    write_roster_pdf,
)
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database
from workforce.services.roster.printing import roster_for_print


def ceiling(path: Path, cells: list[list[str]]) -> float:
    font = cjk_font()
    columns = _scaled_columns()
    per_page = rows_per_page()
    start = time.perf_counter()
    canvas = Canvas(
        str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1, initialFontName=font.name
    )
    for first in range(0, len(cells), per_page):
        text = canvas.beginText()
        text.setFont(font.name, 8)
        y = PAGE_HEIGHT - 120
        for row in cells[first : first + per_page]:
            for (_, x, _width), value in zip(columns, row, strict=True):
                text.setTextOrigin(x + 2, y)
                text.textOut(value)
            y -= ROW_HEIGHT
        canvas.drawText(text)
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    args = parser.parse_args(argv)
    db = Database.open(args.db)
    start = time.perf_counter()
    roster = roster_for_print(db, actor_for(db), as_of=dt.date(2026, 11, 25))
    read = time.perf_counter() - start
    cjk_font()
    columns = _scaled_columns()
    cells = [[c.text(r, i, True) for c, _, _ in columns] for i, r in enumerate(roster.rows, 1)]
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        write_roster_pdf(
            Path(folder) / "roster.pdf",
            roster.rows,
            RosterDocument(roster.title, roster.unit, roster.as_of, roster.summary),
        )
        ours = time.perf_counter() - start
        bare = ceiling(Path(folder) / "bare.pdf", cells)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"rows {len(roster.rows):,}: read {read:.2f} s; roster PDF {ours:.2f} s; "
        f"reportlab alone {bare:.2f} s; ratio {ours / bare:.2f}×; peak {peak} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
