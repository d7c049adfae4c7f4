"""Every window and dialog fits the clerk's 1366×768 screen (a 40-pixel taskbar, a title bar on each
window): the main window, its dashboard tab, and whatever every menu entry opens (the dialogs those
open too). Each is grabbed (``widget.grab()``) into ``WORKFORCE_SCREENSHOTS`` (else the test's
temporary folder) to be looked at.

The offscreen platform's screen is 800×600 and cannot be changed within a run (a run can start on
a 1366×768 one: ``QT_QPA_PLATFORM=offscreen:configfile=tests/ui/clerk_screen.json``; under Xvfb
``-screen 0 1366x768x24`` with ``QT_QPA_PLATFORM=xcb`` the grabs are the real windows), and neither
has a taskbar, so the usable area ``screen_fit`` asks the screen for is the clerk's here: a window
sized by it, or one whose layout will not shrink that far, is measured against what that screen
offers."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.chinese_walk import Walker, menu_actions
from tests.ui.conftest import add_workers
from ui.desktop.app import install_translations
from ui.desktop.main_window import MainWindow
from ui.desktop.widgets import screen_fit
from ui.desktop.widgets.print_preview import PrintPreview
from workforce.services.context import Actor, Database

pytestmark = pytest.mark.gui
CLERK_AREA = QRect(0, 0, 1366, 768 - 40)  # the screen less the taskbar


@pytest.fixture
def clerk_screen(monkeypatch: pytest.MonkeyPatch) -> QRect:
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: CLERK_AREA)
    return CLERK_AREA


@pytest.fixture
def chinese(qapp: QCoreApplication) -> Iterator[None]:
    translators = install_translations(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def fits(widget: QWidget) -> bool:
    """The window with a title bar and borders (``screen_fit.FRAME``) inside the usable area."""
    outer = widget.size() + screen_fit.FRAME
    return outer.width() <= CLERK_AREA.width() and outer.height() <= CLERK_AREA.height()


class FitWalker(Walker):
    """Grabs every window and dialog (each tab of it) as it comes up; notes those too big."""

    def __init__(self, qtbot: QtBot, folder: Path) -> None:
        super().__init__(qtbot.wait)
        self.folder = folder
        self.too_big: list[tuple[str, str, QSize]] = []
        self.grabbed: list[Path] = []

    def _read_once(self, where: str, root: QWidget) -> None:
        self.grab(where, root)

    def grab(self, where: str, root: QWidget) -> None:
        title = root.windowTitle() or type(root).__name__
        if not fits(root) and (where, title) not in {(w, t) for w, t, _ in self.too_big}:
            self.too_big.append((where, title, root.size()))
        name = re.sub(r"[^\w\u3400-\u9fff]+", "_", f"{len(self.grabbed) + 1:03d} {where} {title}")
        path = self.folder / f"{name.strip('_')[:90]}.png"
        root.grab().save(str(path))
        self.grabbed.append(path)


def test_a_window_asked_bigger_than_the_screen_is_made_to_fit(
    qtbot: QtBot, clerk_screen: QRect
) -> None:
    """The payroll window asks for 1280×800: on a 1366×768 screen it is cut to the usable area."""
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    qtbot.addWidget(dialog)
    screen_fit.fit_window(dialog, 1280, 800)
    assert dialog.size() == QSize(1280, 728 - 40)
    assert clerk_screen.contains(QRect(dialog.pos(), dialog.size() + screen_fit.FRAME))
    screen_fit.fit_window(dialog, 600, 400)  # a small one keeps its size, centred
    assert dialog.size() == QSize(600, 400)
    assert abs(dialog.pos().x() - (1366 - 616) // 2) <= 1


@pytest.mark.slow  # every menu entry opened and grabbed: 40 seconds
def test_every_window_and_dialog_fits_the_clerks_screen(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_sqlite: Actor,
    chinese: None,
    clerk_screen: QRect,
    tmp_path: Path,
) -> None:
    folder = Path(os.environ.get("WORKFORCE_SCREENSHOTS") or tmp_path / "screens")
    folder.mkdir(parents=True, exist_ok=True)
    add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区"), ("李强", "幸福社区")])
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    window.table.selectRow(0)  # 编辑 opens the worker form, tab by tab
    walker = FitWalker(qtbot, folder)
    walker.read("main window", window)  # each of its tabs: the worker list, the dashboard
    window.pages.setCurrentWidget(window.dashboard.page)
    panel = window.dashboard.panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.workspace is not None, timeout=10_000)
    walker.grab("dashboard", window)
    panel.tiles["headcount"].clicked.emit()  # its drill-down: the people behind a figure
    assert window.dashboard.people is not None
    walker.read("dashboard people", window.dashboard.people)
    window.dashboard.people.close()
    panel.print_button.click()  # 打印…: the print preview
    qtbot.waitUntil(lambda: panel.findChild(PrintPreview) is not None, timeout=10_000)
    preview = panel.findChild(PrintPreview)
    assert preview is not None
    walker.read("dashboard print", preview)
    preview.close()
    window.pages.setCurrentIndex(0)  # back to the worker list
    walked = []
    for where, action in menu_actions(window):
        if "退出" not in where and action.isEnabled():
            walker.trigger(where, action)
            walked.append(where)
    assert len(walked) >= 20
    assert len(walker.grabbed) >= 40
    assert walker.too_big == []
