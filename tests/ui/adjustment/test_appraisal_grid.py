"""Appraisal entry for a community: a grade per worker, the 优秀 quota shown, saved together."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.conftest import add_workers
from ui.desktop.adjustment.appraisal_grid import GRADE_COLUMN, AppraisalGrid
from workforce.services.adjustment.screens import community_grades
from workforce.services.context import Actor, Database

pytestmark = pytest.mark.gui


def test_grades_are_saved_and_the_quota_warned(
    qtbot: QtBot, qtmodeltester: ModelTester, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    add_workers(
        sqlite_db,
        admin_sqlite,
        [("王芳", "光明社区"), ("李强", "光明社区"), ("张敏", "光明社区"), ("赵磊", "幸福社区")],
    )
    grid = AppraisalGrid(sqlite_db, admin_sqlite, today=dt.date(2026, 3, 1))
    qtbot.addWidget(grid)
    grid.show()
    qtbot.waitUntil(lambda: grid.model.rowCount() == 3)  # 光明社区 comes first
    assert grid.year.value() == 2025
    assert grid.delegate.grades == ("优秀", "称职", "基本称职", "不称职")
    assert not grid.save_button.isEnabled()

    model = grid.model
    for row, grade in enumerate(("优秀", "称职", "优秀")):
        assert model.setData(model.index(row, GRADE_COLUMN), grade)
    qtmodeltester.check(model)
    assert "优秀: 2 (quota 20%, at most 0)" in grid.quota.text()
    assert grid.save_button.isEnabled()

    grid.save_button.click()
    qtbot.waitUntil(lambda: grid.saved is not None and not model.edits)
    assert grid.saved is not None and grid.saved.created == 3
    assert grid.warnings.isVisible() and "超过" in grid.warnings.text()
    community = grid.community.currentData()
    stored = community_grades(sqlite_db, community, 2025)
    assert [(r.name, r.grade) for r in stored.rows] == [
        ("王芳", "优秀"),
        ("李强", "称职"),
        ("张敏", "优秀"),
    ]
    qtbot.waitUntil(lambda: model.grade(model.rows[2]) == "优秀")  # read again after saving
    assert model.setData(model.index(0, GRADE_COLUMN), "称职")
    assert grid.warnings.isVisible()  # one 优秀 is still above the quota: the warning holds
    assert model.setData(model.index(2, GRADE_COLUMN), "称职")
    assert not grid.warnings.isVisible()  # within the quota now: it no longer holds


def test_the_quota_warning_goes_with_the_sheet_it_is_about(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区"), ("赵磊", "幸福社区")])
    grid = AppraisalGrid(sqlite_db, admin_sqlite, today=dt.date(2026, 3, 1))
    qtbot.addWidget(grid)
    grid.show()
    qtbot.waitUntil(lambda: grid.model.rowCount() == 1)
    assert grid.model.setData(grid.model.index(0, GRADE_COLUMN), "优秀")
    grid.save_button.click()
    qtbot.waitUntil(lambda: grid.saved is not None and grid.warnings.isVisible())
    grid.community.setCurrentIndex(1)  # 幸福社区: the warning was about 光明社区
    assert not grid.warnings.isVisible()
