"""The main window opens on a fresh embedded database and shows, filters and counts workers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import add_workers
from ui.desktop.app import StartError, open_operation
from ui.desktop.main_window import MainWindow
from workforce.domain.progress import CancelToken, no_progress
from workforce.services.context import Actor, Database

pytestmark = pytest.mark.gui


def test_main_window_shows_filters_and_counts(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    add_workers(
        sqlite_db, admin_sqlite, [("王芳", "光明社区"), ("李强", "幸福社区"), ("王强", "幸福社区")]
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert window.counts.text() == "3 workers in all, 3 shown"

    window.search.setText("王")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)  # after the debounce
    assert {row.name for row in window.model.rows} == {"王芳", "王强"}

    window.search.clear()
    community = next(n for n in window.snapshot.nodes if n.name == "幸福社区")  # type: ignore[union-attr]
    item = window.tree.findItems("幸福社区", Qt.MatchFlag.MatchRecursive)[0]
    window.tree.setCurrentItem(item)
    assert window.tree.selected_unit() == community.id
    assert {row.name for row in window.model.rows} == {"李强", "王强"}
    assert item.text(1) == "2"


def test_the_window_paints_before_the_database_layer_is_imported() -> None:
    """App start ≤ 1 s: SQLAlchemy and the spreadsheet libraries load after the first paint."""
    code = (
        "import sys, ui.desktop.app; "
        "print([m for m in ('sqlalchemy', 'alembic', 'openpyxl', 'xlsxwriter', 'reportlab', "
        "'python_calamine') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_database_that_cannot_be_opened_gives_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    operation = open_operation(str(blocker / "workforce.db"))
    with pytest.raises(StartError) as refused:
        operation(no_progress, CancelToken())
    assert refused.value.message.startswith("The database could not be opened or prepared:\nsqlite")


def test_export_and_template_write_files_off_the_gui_thread(
    qtbot: QtBot,
    tmp_path: Path,
    sqlite_db: Database,
    admin_sqlite: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.desktop.roster import file_actions

    add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区"), ("李强", "幸福社区")])
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    window.search.setText("王芳")
    window.apply_filter()
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    for name, action in (
        ("roster", file_actions.export_roster),
        ("template", file_actions.save_template),
    ):
        target = tmp_path / name  # the suffix is added
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, t=target: (str(t), ""))
        monkeypatch.setattr(
            file_actions, "choose_export_file", lambda *_a, t=target: (str(t), False)
        )
        action(window)
        qtbot.waitUntil(lambda n=name: any(f"{n}.xlsx" in m for m in messages))
        assert (tmp_path / f"{name}.xlsx").stat().st_size > 0
    assert messages[0] == f"Exported 1 workers to:\n{tmp_path / 'roster.xlsx'}"


def test_print_roster_of_the_rows_shown(
    qtbot: QtBot,
    tmp_path: Path,
    sqlite_db: Database,
    admin_sqlite: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """打印花名册 writes the rows the table shows (the filter applies) as a PDF roster, then
    shows it in the print preview (打印 from there)."""
    from ui.desktop.roster import file_actions

    add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区"), ("李强", "幸福社区")])
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    window.search.setText("王芳")
    window.apply_filter()
    target = tmp_path / "roster"  # the suffix is added
    monkeypatch.setattr(file_actions, "choose_export_file", lambda *_a: (str(target), False))
    messages: list[str] = []
    previews: list[str] = []

    def preview(_parent: object, path: str, _title: str, note: str) -> None:
        previews.append(path)
        messages.append(note)

    monkeypatch.setattr(file_actions, "show_preview", preview)
    file_actions.print_roster(window)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert previews == [str(tmp_path / "roster.pdf")]
    assert messages[0].startswith(f"Printed 1 workers to:\n{tmp_path / 'roster.pdf'}")
    assert (tmp_path / "roster.pdf").read_bytes().startswith(b"%PDF")


def test_first_start_is_maximised_then_as_the_clerk_left_it(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show_on_start()
    assert first.isMaximized()
    first.showNormal()
    first.resize(700, 500)
    first.close()  # saves the geometry

    again = MainWindow()
    qtbot.addWidget(again)
    again.show_on_start()
    assert not again.isMaximized()
    assert again.size().width() == 700
