"""The first page of a big roster is read while the file is checked at the sign-in: shown once the
check passes, never for a damaged file — whose dialog waits for that read to end (a restore
replaces the file) — and nothing is written meanwhile."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import event

import ui.desktop.roster_snapshot as snapshot_module
import ui.desktop.system.startup_check as check_module
from tests.ui.system.test_startup_check import PASSWORD, _damaged_demo, _damaged_start
from ui.desktop.accounts.login_dialog import PasswordDialog
from ui.desktop.app import begin_session
from ui.desktop.main_window import MainWindow
from workforce.services.accounts.auth import set_initial_password
from workforce.services.context import Actor, Database
from workforce.services.system.demo import generate_demo

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _a_big_roster(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """300 demo workers count as a big roster here: its first page is a few communities."""
    monkeypatch.setattr(snapshot_module, "BIG_ROSTER", 50)
    monkeypatch.setattr(snapshot_module, "FIRST_PAGE", 20)
    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(max(threads, 3))  # the check and the page side by side
    yield
    pool.setMaxThreadCount(threads)


def _sign_in(qtbot: QtBot, window: MainWindow, db: Database, quits: list[bool]) -> None:
    login = begin_session(window, db, lambda: quits.append(True), idle_ms=0).dialog
    assert login is not None
    login.username.setText("admin")
    login.password.setText(PASSWORD)
    login.ok_button.click()


def test_the_first_page_read_during_the_check_is_shown_once_it_passes(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin: Actor = set_initial_password(sqlite_db, PASSWORD)
    generate_demo(sqlite_db, admin, workers=300, seed=5)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    seen: dict[str, object] = {}
    real_check = check_module.start_check

    def slow_check(db: Database, actor: Actor) -> check_module.StartCheck:
        deadline = time.monotonic() + 20
        while window._held is None and time.monotonic() < deadline:  # the page, read meanwhile
            time.sleep(0.01)
        seen["page held"] = window._held is not None
        seen["rows shown"] = window.model.rowCount()
        return real_check(db, actor)

    monkeypatch.setattr(check_module, "start_check", slow_check)
    _sign_in(qtbot, window, sqlite_db, [])
    qtbot.waitUntil(lambda: window.actor is not None, timeout=20_000)
    assert seen == {"page held": True, "rows shown": 0}  # read during the check, not shown
    shown_first = window.model.rowCount()
    assert window.snapshot is not None and window.snapshot.partial and 0 < shown_first < 294
    qtbot.waitUntil(lambda: window.snapshot is not None and not window.snapshot.partial)
    assert window.model.rowCount() == 294  # then the whole roster (the active workers)


def test_a_damaged_file_shows_no_row_writes_nothing_and_still_restores(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _damaged_demo(sqlite_db, backup="年终前")  # damaged in a worker's page
    read: list[str] = []  # every statement since the sign-in began
    statements: list[str] = []  # those from the check on
    checking: list[bool] = []

    def executed(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        read.append(" ".join(statement.split()).upper())
        if checking:
            statements.append(read[-1])

    event.listen(sqlite_db.engine, "before_cursor_execute", executed)
    real_stop = check_module.stop_writing_if_damaged

    def stop(db: Database) -> object:
        checking.append(True)  # from here on, the page is read as the file is checked
        return real_stop(db)

    monkeypatch.setattr(check_module, "stop_writing_if_damaged", stop)
    quits: list[bool] = []
    window, dialog = _damaged_start(qtbot, sqlite_db, quits)
    assert not window._prefetching  # the dialog waited for the page's read to end
    assert window.actor is None and window.snapshot is None and window.model.rowCount() == 0
    # the page was read from the file (before or while it was checked: the two race) …
    assert any("FROM WORKER" in s for s in read)
    writes = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")
    assert [s for s in statements if s.startswith(writes)] == []  # … and nothing written
    event.remove(sqlite_db.engine, "before_cursor_execute", executed)

    dialog.confirm = lambda info: True  # type: ignore[method-assign]
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    login = window.findChildren(PasswordDialog)[-1]
    qtbot.waitUntil(login.isVisible)
    login.username.setText("admin")
    login.password.setText(PASSWORD)
    login.ok_button.click()
    qtbot.waitUntil(lambda: window.snapshot is not None and not window.snapshot.partial)
    assert window.model.rowCount() == 294 and not quits
