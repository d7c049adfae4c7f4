"""Walk the visible texts of the desktop in the Chinese UI: every menu entry of the main window is
triggered, every window and dialog it opens (and the dialogs those open, such as the file dialog)
is read, tab by tab, then closed. A text with Latin letters and no Chinese fails, unless its Latin
words are names a clerk reads as they are (``ALLOWED``) or it is a file path or address."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

ALLOWED = frozenset(
    ("PDF", "Excel", "ID", "JSON", "CSV", "xlsx", "xlsm", "xls", "csv", "pdf", "json",
     "PostgreSQL", "SQLite", "Ctrl", "Shift", "Alt", "Del", "F1", "F5", "OK", "Windows", "Linux",
     "IT", "UTF", "GBK", "admin")
)  # fmt: skip
CHINESE = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
PATH_LIKE = re.compile(r"(?:^|\s)(?:/|~/|[A-Za-z]:\\|\w+://)\S*|\*\.\w+")


def foreign(text: str) -> bool:
    """Latin letters and no Chinese, once allowed names, mnemonics, paths and patterns are out."""
    text = text.replace("&&", "").replace("&", "")
    if CHINESE.search(text):
        return False
    text = PATH_LIKE.sub(" ", text)
    return any(word not in ALLOWED for word in LATIN_WORD.findall(text))


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of what ``root`` shows: its title, labels, buttons, tabs, headers, menus."""
    yield type(root).__name__ + " title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = f"{type(root).__name__}/{type(widget).__name__}"
        if isinstance(widget, QLabel):
            yield name, _plain(widget)
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QLineEdit):
            yield name, widget.placeholderText()
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            for index in range(widget.count()):
                yield name, widget.itemText(index)
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield name + " tab", widget.tabText(index)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model
                columns = 1
            for column in range(columns):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                yield name + " header", str(header or "")
        elif isinstance(widget, QMenu):
            for action in widget.actions():
                yield name + " menu", action.text()


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() != Qt.TextFormat.PlainText and "<" in text:
        text = re.sub(r"<[^>]+>", " ", text)
    return text


def menu_actions(window: QMainWindow) -> Iterator[tuple[str, QAction]]:
    def walk(menu: QMenu, path: str) -> Iterator[tuple[str, QAction]]:
        menu.aboutToShow.emit()  # menus enable their entries as they open
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                yield from walk(sub, f"{path} → {action.text()}")
            elif not action.isSeparator():
                yield f"{path} → {action.text()}", action

    bar = window.menuBar()
    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            yield from walk(menu, top.text())


class Walker:
    """Collects (where, text) of foreign texts seen on every dialog that comes up."""

    def __init__(self, settle: Callable[[int], None]) -> None:
        self.settle = settle  # wait that many ms, processing events (qtbot.wait)
        self.found: list[tuple[str, str]] = []
        self.seen: set[str] = set()

    def read(self, where: str, root: QWidget) -> None:
        pages = root.findChildren(QTabWidget)
        self._read_once(where, root)
        for tabs in pages:
            for index in range(tabs.count()):
                if tabs.isTabEnabled(index) and tabs.isVisibleTo(root):
                    tabs.setCurrentIndex(index)
                    QCoreApplication.processEvents()
                    self._read_once(where, root)

    def _read_once(self, where: str, root: QWidget) -> None:
        for place, text in widget_texts(root):
            if text and foreign(text) and (place, text) not in self.found:
                self.found.append((f"{where}: {place}", text))

    def drain_modals(self, where: str) -> None:
        """Read and close modal dialogs as they come up (nested ones too), from a timer."""

        def look() -> None:
            modal = QApplication.activeModalWidget()
            if modal is None:
                return
            self.read(where, modal)
            if isinstance(modal, QMessageBox):
                modal.reject() if modal.escapeButton() else modal.done(0)
            elif isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
            QTimer.singleShot(150, look)

        QTimer.singleShot(400, look)

    def trigger(self, where: str, action: QAction) -> None:
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        owner = action.parent()
        if isinstance(owner, QMenu):
            owner.aboutToShow.emit()
        self.drain_modals(where)
        action.trigger()
        self.settle(900)
        for widget in QApplication.topLevelWidgets():
            if not shiboken6.isValid(widget):
                continue
            if widget.isVisible() and id(widget) not in before and not isinstance(widget, QMenu):
                self.drain_modals(where)
                self.read(where, widget)
                widget.close()
                self.settle(150)
