"""帮助 on the main window: the guide (使用说明), the keyboard shortcuts, 关于 (version, database,
data folder) and the data and backup folders opened in the system's file manager.

The guide is a Markdown file shipped in ``ui/desktop/help/guide`` (package data) and shown in a
``QTextBrowser`` inside the program: it needs no browser and no network.
"""

from __future__ import annotations

from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.desktop.widgets.screen_fit import fit_window

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell

HELP_MENU = "menu-help"
GUIDE_FILE = "guide_zh_CN.md"


def guide_text() -> str:
    """The guide as shipped (Markdown, Chinese)."""
    return (resources.files("ui.desktop.help") / "guide" / GUIDE_FILE).read_text(encoding="utf-8")


def program_version() -> str:
    try:
        return metadata.version("workforce")
    except metadata.PackageNotFoundError:
        return "0.0.0"


def data_folder(window: WindowShell) -> Path:
    """The folder of the embedded database file in use, else the user's data folder."""
    from workforce.persistence.backup_files import sqlite_file
    from workforce.persistence.database import default_database_path

    live = sqlite_file(window.db.engine) if window.db is not None else None
    return (live if live is not None else default_database_path()).parent


def backup_folder(window: WindowShell) -> Path | None:
    """The backups beside the embedded file; None on PostgreSQL (its own tools back it up)."""
    from workforce.services.backup import backup_folder as folder_of

    return folder_of(window.db) if window.db is not None else None


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager (made first if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class GuideWindow(QDialog):
    """使用说明: the guide in a browser inside the program, links to the web opened outside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("help", "User guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_window(self, 820, 640)


def shortcut_rows(window: WindowShell) -> list[tuple[str, str]]:
    """(menu entry, keys) for every action of the menu bar with a shortcut, in menu order."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                sub = action.menu()
                assert isinstance(sub, QMenu)
                walk(sub, f"{path} → {_plain(action.text())}")
                continue
            keys = action.shortcut()
            if keys.isEmpty() or id(action) in seen:
                continue
            seen.add(id(action))
            text = keys.toString(QKeySequence.SequenceFormat.NativeText)
            rows.append((f"{path} → {_plain(action.text())}", text))

    for top in window.widget().menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(top.text()))
    return rows


def _plain(text: str) -> str:
    """A menu text without its mnemonic: 文件(&F) -> 文件, &File -> File."""
    if "(&" in text and text.endswith(")"):
        text = text[: text.rindex("(&")]
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("help", "Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("help", "Menu entry"),
                QCoreApplication.translate("help", "Keys"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for number, (entry, keys) in enumerate(rows):
            self.table.setItem(number, 0, QTableWidgetItem(entry))
            self.table.setItem(number, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(
            QCoreApplication.translate(
                "help",
                "In the worker table: double-click a row to open the file; "
                "click a column heading to sort.",
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        fit_window(self, 560, 460)


class AboutDialog(QDialog):
    """关于: the program's name and version, the database, the data and backup folders."""

    def __init__(self, window: WindowShell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from workforce.persistence.database import describe_url

        self.setWindowTitle(QCoreApplication.translate("help", "About"))
        title = QLabel(
            "<h3>%1</h3>".replace(
                "%1", QCoreApplication.translate("help", "Community workers: files and pay")
            )
        )
        form = QFormLayout()
        self.facts: dict[str, str] = {}
        backups = backup_folder(window)
        database = (
            describe_url(window.db.engine)
            if window.db is not None
            else QCoreApplication.translate("help", "(not opened yet)")
        )
        for label, value in (
            (QCoreApplication.translate("help", "Version"), program_version()),
            (QCoreApplication.translate("help", "Database"), database),
            (QCoreApplication.translate("help", "Data folder"), str(data_folder(window))),
            (
                QCoreApplication.translate("help", "Backup folder"),
                str(backups)
                if backups is not None
                else QCoreApplication.translate("help", "(backed up by the database server)"),
            ),
        ):
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            form.addRow(label, shown)
            self.facts[label] = value
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_window(self, 620, 240)


def show_guide(window: WindowShell) -> GuideWindow:
    found = window.widget().findChild(GuideWindow)
    guide = found if isinstance(found, GuideWindow) else GuideWindow(window.widget())
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide


def open_data_folder(window: WindowShell) -> None:
    if not open_folder(data_folder(window)):
        _cannot_open(window, data_folder(window))


def open_backup_folder(window: WindowShell) -> None:
    folder = backup_folder(window)
    if folder is None:
        QMessageBox.information(
            window.widget(),
            QCoreApplication.translate("help", "Backup folder"),
            QCoreApplication.translate(
                "help",
                "This database is on a database server: it has no backup folder here. "
                "Your IT staff back it up with the server's own tools.",
            ),
        )
        return
    if not open_folder(folder):
        _cannot_open(window, folder)


def _cannot_open(window: WindowShell, folder: Path) -> None:
    QMessageBox.warning(
        window.widget(),
        QCoreApplication.translate("help", "Cannot open the folder"),
        QCoreApplication.translate("help", "The folder could not be opened. It is:\n%1").replace(
            "%1", str(folder)
        ),
    )


def add_help_menu(window: WindowShell) -> list[QAction]:
    """帮助: 使用说明 (F1), 键盘快捷键, 打开数据文件夹, 打开备份文件夹, 关于."""
    host = window.widget()
    menu = host.menuBar().addMenu(QCoreApplication.translate("help", "&Help"))
    menu.setObjectName(HELP_MENU)

    def action(text: str, slot: object, keys: QKeySequence | None = None) -> QAction:
        made = QAction(text, host)
        made.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        if keys is not None:
            made.setShortcut(keys)
        menu.addAction(made)
        return made

    actions = [
        action(
            QCoreApplication.translate("help", "User guide"),
            lambda: show_guide(window),
            QKeySequence(QKeySequence.StandardKey.HelpContents),
        ),
        action(
            QCoreApplication.translate("help", "Keyboard shortcuts"),
            lambda: ShortcutsDialog(shortcut_rows(window), host).exec(),
        ),
    ]
    menu.addSeparator()
    actions.append(
        action(
            QCoreApplication.translate("help", "Open data folder"), lambda: open_data_folder(window)
        )
    )
    actions.append(
        action(
            QCoreApplication.translate("help", "Open backup folder"),
            lambda: open_backup_folder(window),
        )
    )
    menu.addSeparator()
    actions.append(
        action(
            QCoreApplication.translate("help", "About"), lambda: AboutDialog(window, host).exec()
        )
    )
    return actions
