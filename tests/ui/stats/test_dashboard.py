"""The dashboard dock: the figures of the unit selected in the tree, counted again when the data
changes, and the people behind a figure listed on a click."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.factories import make_worker
from ui.desktop.main_window import MainWindow
from workforce.domain.stats.breakdown import Figure
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker

pytestmark = pytest.mark.gui
TODAY = dt.date.today()


def _hire(db: Database, admin: Actor, number: int, name: str, community: str, age: int) -> int:
    with db.transaction() as session:
        unit = UnitResolver(session, admin, default_district_id(session)).resolve(
            "新华街道", community, None
        )[0]
    born = dt.date(TODAY.year - age, 1, 1)  # ``age`` on any day of this year
    return create_worker(db, admin, make_worker(unit, number, name=name, birth_date=born))


def test_dashboard_follows_the_tree_and_lists_the_people_behind_a_figure(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    _hire(sqlite_db, admin_sqlite, 1, "王芳", "光明社区", 40)
    _hire(sqlite_db, admin_sqlite, 2, "李强", "幸福社区", 28)
    _hire(sqlite_db, admin_sqlite, 3, "王强", "幸福社区", 45)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.snapshot is not None)
    window.dashboard.action.trigger()
    panel = window.dashboard.panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.workspace is not None)
    assert panel.tiles["headcount"].value.text() == "3"

    item = window.tree.findItems("幸福社区", Qt.MatchFlag.MatchRecursive)[0]
    window.tree.setCurrentItem(item)
    qtbot.waitUntil(lambda: panel.workspace.report.unit.endswith("幸福社区"))  # type: ignore[union-attr]
    assert panel.tiles["headcount"].value.text() == "2"
    assert panel.tiles["under_35"].value.text() == "50.0%"
    assert panel.tiles["average_age"].value.text() == "36.5"  # (28 + 45) / 2

    qtbot.mouseClick(panel.tiles["under_35"], Qt.MouseButton.LeftButton)
    people = window.dashboard.people
    assert people is not None and people.isVisible()
    assert [row.name for row in people.model.rows] == ["李强"]
    assert people.windowTitle() == "示范区新华街道幸福社区 · Under 35"  # untranslated here

    panel.levels.figure_clicked.emit(Figure("level", post="staff", level=3))
    assert sorted(row.name for row in window.dashboard.people.model.rows) == ["李强", "王强"]  # type: ignore[union-attr]

    _hire(sqlite_db, admin_sqlite, 4, "赵敏", "幸福社区", 30)  # the data changes: count again
    before = panel.workspace
    window.refresh()
    qtbot.waitUntil(lambda: panel.workspace is not before)
    assert panel.tiles["headcount"].value.text() == "3"
