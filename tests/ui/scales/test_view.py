"""The scale viewer: a version as a level × post table, and two versions compared."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.services.scales.test_admin import raised_grid
from ui.desktop.scales.models import RAISED
from ui.desktop.scales.view import ScaleView
from workforce.services.context import Actor, Database
from workforce.services.scales.admin import import_scale

pytestmark = pytest.mark.gui


def test_a_version_shows_as_a_table_and_the_comparison_highlights_changes(
    qtbot: QtBot, qtmodeltester: ModelTester, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    import_scale(sqlite_db, admin_sqlite, raised_grid(100), dt.date(2026, 1, 1), name="2026年标准")
    view = ScaleView(sqlite_db, admin_sqlite)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None)
    assert view.versions.rowCount() == 2
    table = view.table_model
    qtmodeltester.check(table)
    assert table.headerData(0, view.table.verticalHeader().orientation()) == "18级"
    staff = [code for code, _ in table.grid.posts].index("staff")
    level_3 = table.grid.levels.index(3)
    assert table.data(table.index(level_3, staff)) == "3,838.00"  # 3,738 + 100
    assert view.edit_button.isEnabled() is False  # nothing selected yet

    view.compare_button.click()
    qtbot.waitUntil(lambda: view.comparison is not None)
    compared = view.compare_model
    qtmodeltester.check(compared)
    assert compared.grid.changed == 36
    cell = compared.cell(level_3, staff)
    assert cell is not None and cell.text == "3,838.00（+100.00）" and cell.background == RAISED
    assert "36 of" in view.compare_info.text()
