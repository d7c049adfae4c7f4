"""打印工资条 from the payroll window: the slips of the selected workers, or of every worker the
review shows, open in the print preview (the PDF ``payroll slips`` writes)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.services.payroll_support import community, hire
from ui.desktop.payroll.window import PayrollWindow
from ui.desktop.widgets.print_preview import PrintPreview
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.guard import CALCULATED
from workforce.services.payroll.slips import payslips_view

pytestmark = pytest.mark.gui


def _previews() -> list[PrintPreview]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreview)]


def _text(preview: PrintPreview) -> str:
    document = preview.document
    return "".join(document.getAllText(n).text() for n in range(document.pageCount()))


def test_slips_of_the_selection_and_of_the_month_open_in_the_preview(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    unit = community(sqlite_db, admin_sqlite)
    ids = [hire(sqlite_db, admin_sqlite, unit, n) for n in (1, 2, 3)]
    calculate_month(sqlite_db, admin_sqlite, "2026-01")
    jan = dt.date(2026, 1, 1)
    chosen = payslips_view(sqlite_db, admin_sqlite, jan, worker_ids=[ids[1]]).slips
    assert [s.name for s in chosen] == ["测试2"]

    window = PayrollWindow(sqlite_db, admin_sqlite, today=dt.date(2026, 1, 20))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.status_code() == CALCULATED and window.model.rowCount() == 3)
    assert window.slips_button.isEnabled()
    row = next(n for n, r in enumerate(window.model.rows) if r.name == "测试2")
    window.table.selectRow(row)
    menu = window.slips_button.choices
    menu.aboutToShow.emit()
    selected, everyone = menu.actions()
    assert (
        selected.text() == "The 1 selected workers"
        and everyone.text() == "Everyone in the month (3)"
    )
    selected.trigger()
    qtbot.waitUntil(lambda: len(_previews()) == 1)
    text = _text(_previews()[0])
    assert "测试2" in text and "测试1" not in text and "测试3" not in text
    _previews()[0].close()
    qtbot.waitUntil(lambda: not _previews())

    everyone.trigger()
    qtbot.waitUntil(lambda: len(_previews()) == 1)
    text = _text(_previews()[0])
    assert all(f"测试{n}" in text for n in (1, 2, 3))
    assert "3 pay slips" in _previews()[0].note.text()
    _previews()[0].close()
