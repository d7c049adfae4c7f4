"""帮助: the guide shipped with the program opens inside it; the shortcuts, 关于 and the folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.desktop.help import menu as help_menu
from ui.desktop.main_window import MainWindow
from workforce.persistence.backup_files import sqlite_file
from workforce.services.context import Actor, Database

pytestmark = pytest.mark.gui


def _window(qtbot: QtBot, db: Database, actor: Actor) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(db, actor)
    return window


def _entry(window: MainWindow, text: str) -> None:
    action = next(a for a in window.help_actions if a.text() == text)
    action.trigger()


def test_the_guide_covers_the_clerks_year_and_opens_inside_the_program(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    window = _window(qtbot, sqlite_db, admin_sqlite)
    _entry(window, "User guide")
    guide = window.findChild(help_menu.GuideWindow)
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    for chapter in ("安装", "首次启动", "导入花名册", "年度调级", "每月工资", "年终", "备份与恢复"):
        assert chapter in text
    assert "#" not in text  # rendered, not shown as Markdown source
    _entry(window, "User guide")  # a second time raises the same window
    assert len(window.findChildren(help_menu.GuideWindow)) == 1


def test_shortcuts_list_every_menu_entry_with_keys(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    rows = dict(help_menu.shortcut_rows(window))
    assert rows["Workers → New worker"] == "Ctrl+N"
    assert rows["Help → User guide"] == "F1"


def test_about_names_the_version_database_and_folders(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    window = _window(qtbot, sqlite_db, admin_sqlite)
    about = help_menu.AboutDialog(window, window)
    qtbot.addWidget(about)
    live = sqlite_file(sqlite_db.engine)
    assert live is not None
    assert about.facts["Version"] == help_menu.program_version() != "0.0.0"
    assert about.facts["Data folder"] == str(live.parent)
    assert about.facts["Backup folder"] == str(live.parent / "backups")
    assert live.name in about.facts["Database"]


def test_the_folders_open_in_the_file_manager(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []

    def record(folder: Path) -> bool:
        opened.append(folder)
        return True

    monkeypatch.setattr(help_menu, "open_folder", record)
    window = _window(qtbot, sqlite_db, admin_sqlite)
    _entry(window, "Open data folder")
    _entry(window, "Open backup folder")
    live = sqlite_file(sqlite_db.engine)
    assert live is not None
    assert opened == [live.parent, live.parent / "backups"]
