"""GUI test helpers: settings in a temporary folder, roster rows and workers made to order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from tests.factories import make_worker
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.query import RosterRow
from workforce.services.roster.workers import create_worker


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> Iterator[None]:
    """QSettings of the app under test never touch the user's own."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield


@pytest.fixture(autouse=True)
def _clipboard_emptied() -> Iterator[None]:
    """What a test copied is cleared after it: Qt's offscreen platform crashes at the end of the
    run (exit status 139, every test passed) when the clipboard still owns data at exit."""
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.clipboard().clear()


@pytest.fixture(autouse=True)
def _modifier_keys_released() -> Iterator[None]:
    """A test that pressed Shift or Ctrl with a click or a key leaves Qt believing the key still
    held (the application's modifier state is that of the last input event): the next test's
    ``selectRow`` would extend or toggle the selection instead of replacing it. A plain key
    press on a scratch window after each test lets the keys go."""
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    if not isinstance(QApplication.instance(), QApplication):
        return
    if QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
        return
    scratch = QWidget()
    scratch.show()
    QTest.qWaitForWindowExposed(scratch)
    QTest.keyClick(scratch, Qt.Key.Key_Escape)
    scratch.close()
    scratch.deleteLater()


def make_row(worker_id: int = 1, **overrides: Any) -> RosterRow:
    base = RosterRow(
        worker_id=worker_id, version=1, district="示范区", street="新华街道", community="光明社区",
        community_id=3, grid=None, name=f"张{worker_id}", sex="男", ethnicity="汉族",
        id_number="11010519491231002X", birth_date=dt.date(1990, 5, 17), political_status="群众",
        party_join_date=None, fulltime_education="大专", highest_education="本科", school=None,
        major=None, work_start_date=None, community_start_date=dt.date(2018, 3, 1),
        recruitment_channel=None, duties=None, is_committee_member=False, post="staff",
        post_name="其他社区工作者", level=3, level_start_year=None, certificate_level=None,
        certificate_obtained=None, certificate_registered=None, phone="13800000000",
        bank_name=None, bank_account=None, status="在职", remarks=None,
    )  # fmt: skip
    return replace(base, **overrides)


@pytest.fixture
def admin_sqlite(sqlite_db: Database) -> Actor:
    return actor_for(sqlite_db)


def add_workers(db: Database, actor: Actor, names: list[tuple[str, str]]) -> list[int]:
    """Workers (name, community) on the fresh database, streets and communities made as needed."""
    with db.transaction() as session:
        resolver = UnitResolver(session, actor, default_district_id(session))
        communities = {c: resolver.resolve("新华街道", c, None)[0] for _, c in names}
    return [
        create_worker(db, actor, replace(make_worker(communities[c], n + 1), name=name))
        for n, (name, c) in enumerate(names)
    ]


def answer_confirm(accept: bool) -> list[str]:
    """Answer the next ``confirm_change`` box as a clerk would: its action button (``accept``)
    or 取消. Returns a list that holds the question's text once it was asked."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []
    role = QMessageBox.ButtonRole.AcceptRole if accept else QMessageBox.ButtonRole.RejectRole

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == "confirm_change":
                if not widget.isVisible():
                    continue
                seen.append(widget.text())
                next(b for b in widget.buttons() if widget.buttonRole(b) == role).click()
                return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    return seen
