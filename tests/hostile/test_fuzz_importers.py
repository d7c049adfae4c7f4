"""Generated hostile sheets through every importer's plan and apply: each case ends in a plan, an
import, or a clear refusal with nothing written. ``WORKFORCE_FUZZ_EXAMPLES`` sets the cases per
importer (50 by default; the long run used 2,000)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.xlsx_reader import pick_roster_sheet, read_workbook
from tests.hostile.importers import EXAMPLES, IMPORTERS, Importer, Outcomes, feed
from tests.hostile.sheets import grids, mutated, write_openpyxl, write_xlsxwriter
from tests.services.payroll_support import community, hire
from workforce.domain.problems import ActionRefused
from workforce.domain.sheet import SheetGrid
from workforce.services.context import Actor, Database

FUZZ = settings(
    max_examples=EXAMPLES,
    # the default run (CI) tries the same cases every time; a long run explores new ones
    derandomize="WORKFORCE_FUZZ_EXAMPLES" not in os.environ,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# half a minute of generated sheets: run by ``pytest -m slow`` (CI's second step)
pytestmark = pytest.mark.slow


def _seed(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    for n in range(1, 6):
        hire(db, admin, unit, n)


def _report(kind: str, importer: Importer, seen: Outcomes) -> None:
    print(
        f"\n[fuzz] {kind} {importer.name}: tried={seen.tried} imported={seen.imported} "
        f"refused={seen.refused}"
    )


@pytest.mark.parametrize("importer", IMPORTERS, ids=lambda i: i.name)
def test_generated_sheets(db: Database, admin: Actor, importer: Importer) -> None:
    _seed(db, admin)
    seen = Outcomes()

    @FUZZ
    @given(grid=st.one_of(grids(), mutated(importer.template)))
    def case(grid: SheetGrid) -> None:
        feed(db, admin, importer, grid, seen)

    case()
    _report("grid", importer, seen)
    assert seen.tried >= min(EXAMPLES, 10)


@pytest.mark.parametrize("importer", IMPORTERS, ids=lambda i: i.name)
def test_generated_files(sqlite_db: Database, importer: Importer) -> None:
    """The same through real files written by openpyxl and xlsxwriter and read back."""
    from workforce.services.accounts.acting_user import actor_for

    admin = actor_for(sqlite_db)
    _seed(sqlite_db, admin)
    seen = Outcomes()
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))

    @settings(FUZZ, max_examples=max(5, EXAMPLES // 5))
    @given(
        grid=st.one_of(grids(huge=False), mutated(importer.template, huge=False)),
        writer=st.sampled_from(("openpyxl", "xlsxwriter", "hidden")),
    )
    def case(grid: SheetGrid, writer: str) -> None:
        path = folder / f"{writer}.xlsx"
        if writer == "xlsxwriter":
            write_xlsxwriter(grid, path)
        else:
            write_openpyxl(grid, path, hide_first=writer == "hidden")
        try:
            sheet = pick_roster_sheet(read_workbook(path))
        except ActionRefused:
            return
        feed(sqlite_db, admin, importer, sheet, seen)

    case()
    _report("file", importer, seen)
