"""In the Chinese UI every window and dialog the menus open speaks Chinese: Qt's own dialogs (the
file dialog's "Look in:") as well as ours. Names such as PDF, Excel and ID are allowed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from tests.ui.chinese_walk import Walker, foreign, menu_actions
from tests.ui.conftest import add_workers
from ui.desktop.app import install_translations
from ui.desktop.main_window import MainWindow
from workforce.services.context import Actor, Database

pytestmark = pytest.mark.gui


@pytest.fixture
def chinese(qapp: QCoreApplication) -> Iterator[None]:
    translators = install_translations(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def test_the_rule_allows_names_paths_and_chinese() -> None:
    assert foreign("&Look in:")
    assert foreign("Files of &type:")
    assert not foreign("导出Excel…")
    assert not foreign("PDF")
    assert not foreign("/tmp/workforce.db")
    assert not foreign("sqlite:///C:/data/workforce.db")
    assert not foreign("2024年1月")
    assert not foreign("13800000000")


@pytest.mark.slow  # every menu entry opened and read: 40 seconds
def test_every_window_and_dialog_speaks_chinese(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, chinese: None
) -> None:
    add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区"), ("李强", "幸福社区")])
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    window.table.selectRow(0)  # 编辑 opens the worker form, tab by tab
    walker = Walker(qtbot.wait)
    walker.read("main window", window)
    walked = []
    for where, action in menu_actions(window):
        if "退出" in where:
            continue
        if action.isEnabled():
            walker.trigger(where, action)
            walked.append(where)
    assert len(walked) >= 20
    assert walker.found == []
