"""The reminders dock filters by kind, the tree's unit and "due within N days", and 导出为 Excel
writes what it shows with the filters in the sheet's header line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import add_workers
from ui.desktop.main_window import MainWindow
from workforce.domain.careers.certificates import add_years
from workforce.services.careers.certificates import CertificateEntry, record_certificate
from workforce.services.context import Actor, Database

pytestmark = pytest.mark.gui
TODAY = dt.date.today()


def _lapsing_in(db: Database, actor: Actor, worker: int, days: int, number: str) -> None:
    registered = add_years(TODAY, -3) + dt.timedelta(days=days)
    entry = CertificateEntry(worker, "社会工作师", number, registered, registered)
    record_certificate(db, actor, entry, today=TODAY)


def test_filters_narrow_the_list_and_the_export_says_them(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, tmp_path: Path
) -> None:
    soon, later = add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区"), ("李强", "明月社区")])
    _lapsing_in(sqlite_db, admin_sqlite, soon, 20, "S-1")
    _lapsing_in(sqlite_db, admin_sqlite, later, 80, "S-2")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.snapshot is not None and not window.snapshot.partial)
    dock = window.reminders
    dock.dock.show()

    def lapsing() -> list[str]:
        return sorted(r.person.name for r in dock.model.rows if r.kind_name == "登记即将到期")

    qtbot.waitUntil(lambda: lapsing() == ["李强", "王芳"])
    dock.kind.setCurrentIndex(dock.kind.findText("登记即将到期"))
    qtbot.waitUntil(lambda: {r.kind_name for r in dock.model.rows} == {"登记即将到期"})
    dock.within.setValue(30)
    qtbot.waitUntil(lambda: [r.person.name for r in dock.model.rows] == ["王芳"])
    unit = next(n.id for n in window.snapshot.nodes if n.name == "明月社区")
    from ui.desktop.widgets.org_tree import ID_ROLE

    item = next(i for i in window.tree._items() if i.data(0, ID_ROLE) == unit)
    window.tree.setCurrentItem(item)
    qtbot.waitUntil(lambda: dock.model.rowCount() == 0)
    dock.within.setValue(0)  # any time
    qtbot.waitUntil(lambda: [r.person.name for r in dock.model.rows] == ["李强"])

    dock.within.setValue(90)
    qtbot.waitUntil(lambda: "90" in dock.filter_text())
    out = tmp_path / "提醒.xlsx"
    done: list[str] = []
    dock.table.export_to(str(out), done.append)
    qtbot.waitUntil(lambda: bool(done))
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet["A1"].value == "Reminders"
    assert (
        sheet["A2"].value == "Unit: 明月社区；登记即将到期；due within 90 days (overdue included)"
    )
    names = [row[3] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert names == ["李强"]
