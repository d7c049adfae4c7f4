"""Desktop entry point: Qt application, translation, the database, the main window.

The first start on the embedded SQLite file creates and migrates it; errors at start are shown as a
message box in plain words, never as a traceback. Then the session begins (``begin_session``): the
first start sets the administrator password, later starts log in, and the window locks when idle.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from ui.desktop.accounts.login_dialog import SignIn
from ui.desktop.idle_lock import IdleLock
from ui.desktop.main_window import MainWindow
from ui.tasks import run_task
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.persistence.file_lock import declare_program

if TYPE_CHECKING:
    from workforce.persistence.connection import ServerAddress
    from workforce.services.context import Actor, Database

LANG_ENV = "WORKFORCE_LANG"
LANG_SETTING = "language"
DEFAULT_LANGUAGE = "zh_CN"
log = logging.getLogger(__name__)


def choose_language() -> str:
    """``WORKFORCE_LANG``, then the saved setting, else Chinese; ``en`` means no translation."""
    chosen = os.environ.get(LANG_ENV) or QSettings().value(LANG_SETTING) or DEFAULT_LANGUAGE
    return str(chosen)


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our translation and Qt's own (standard buttons) for ``language``."""
    if language.startswith("en"):
        return []
    translators = []
    ours = QTranslator(app)
    folder = resources.files("ui.desktop") / "i18n"
    if ours.load(f"workforce_{language}", str(folder)):
        translators.append(ours)
    else:
        log.warning("no translation for %s in %s", language, folder)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    extra = QTranslator(app)  # what Qt's own lacks (the file dialog's "Look in:"); searched first
    if extra.load(f"qtbase_extra_{language}", str(folder)):
        translators.append(extra)
    for translator in translators:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    return translators


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setOrganizationName("workforce")
    app.setApplicationName("workforce")
    return app


def run_desktop(db_url: str | None) -> int:
    """Show the main window, open the database (creating it on first start), run until closed.

    The window paints first; the database layer is imported and opened off the GUI thread.
    """
    declare_program("桌面程序")
    app = make_application()
    install_translations(app, choose_language())
    window = MainWindow()
    window.show_on_start()
    opened: list[Database] = []

    def attach(result: Opened) -> None:
        opened.append(result.db)
        if result.upgrade_backup is not None:
            tell_upgrade_backup(window, result.upgrade_backup)
        begin_session(window, result.db, lambda: app.exit(0))

    def refuse(exc: BaseException) -> None:
        show_start_error(window, exc)
        app.exit(1)

    def start() -> None:
        run_task(
            window,
            open_operation(db_url),
            attach,
            label=QCoreApplication.translate("app", "Opening the database…"),
            on_failed=refused,
            cancellable=False,
        )

    def refused(exc: BaseException) -> None:
        from ui.desktop.system.connection_dialog import ask_server_password

        asked = password_needed(db_url, exc)
        if asked is not None and ask_server_password(window, *asked) is not None:
            start()
            return
        refuse(exc)

    if not choose_first_connection(window, db_url):
        return 0
    start()
    try:
        return app.exec()
    finally:
        for db in opened:
            db.close()


def choose_first_connection(parent: QWidget, db_url: str | None) -> bool:
    """The first start on this PC (no ``--db``, no ``WORKFORCE_DB``, nothing saved, no embedded
    file yet): ask where the data goes, a file here or the city's server. False: the clerk
    closed the dialog (the program ends)."""
    if db_url or os.environ.get("WORKFORCE_DB"):
        return True
    from workforce.persistence.connection import ConnectionSettings, load_settings
    from workforce.persistence.database import default_database_path

    default = default_database_path()
    if load_settings() is not None or default.exists():
        return True
    from ui.desktop.system.connection_dialog import ConnectionDialog

    dialog = ConnectionDialog(ConnectionSettings(), default, first_start=True, parent=parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def password_needed(db_url: str | None, exc: BaseException) -> tuple[ServerAddress, str] | None:
    """The server asked for a password (none was given or found) or refused the one given:
    the address to ask it for and why, else None."""
    from workforce.persistence.connection import address_of
    from workforce.persistence.database import resolve_url

    cause = exc.cause if isinstance(exc, StartError) else exc
    text = str(cause).lower()
    address = address_of(resolve_url(db_url))
    if address is None:
        return None
    if "no password supplied" in text:
        return address, ""
    if "password authentication failed" in text:
        return address, QCoreApplication.translate("app", "The password was not accepted.")
    return None


def begin_session(
    window: MainWindow, db: Database, quit_app: Callable[[], None], idle_ms: int | None = None
) -> SignIn:
    """Sign in over the (still empty) window, check the file (``startup_check``: a damaged one
    is written no more and a backup offered; once restored, sign in again to it), then attach
    the window and start the idle lock (``session_idle_minutes``, or ``idle_ms``); closing a
    sign-in dialog quits. While the file is checked the window reads the first page of the
    roster (``MainWindow.prefetch``: reads only, shown once attached, never for a damaged file,
    whose dialog waits for that read to end)."""
    sign_in = SignIn(window, db)

    def signed_in(actor: Actor | None) -> None:
        if actor is None:
            quit_app()
            return
        from ui.desktop.system.startup_check import check_at_start

        def proceed() -> None:
            from workforce.services.accounts.auth import idle_minutes

            window.attach(db, actor)
            IdleLock(window, db, actor, idle_minutes(db) * 60_000 if idle_ms is None else idle_ms)

        def restart() -> None:
            begin_session(window, db, quit_app, idle_ms)

        window.prefetch(db, actor)  # the first rows, read (only) while the file is checked
        check_at_start(window, db, actor, proceed, quit_app, restart, settle=window.when_prefetched)

    sign_in.finished.connect(signed_in)
    try:
        sign_in.start()
    except ActionRefused as exc:
        show_start_error(window, exc)
        quit_app()
    return sign_in


@dataclass(frozen=True, slots=True)
class Opened:
    """The database, ready; ``upgrade_backup`` is the copy made before an upgrade migrated it."""

    db: Database
    upgrade_backup: Path | None = None


def tell_upgrade_backup(parent: QWidget, copy: Path) -> None:
    """Say that a newer version upgraded the file, and where the copy from before it is."""
    QMessageBox.information(
        parent,
        QCoreApplication.translate("app", "Program updated"),
        QCoreApplication.translate(
            "app",
            "The database was upgraded for this version of the program. "
            "The file as it was before the upgrade is kept as a backup:\n%1",
        ).replace("%1", str(copy)),
    )


def open_operation(
    db_url: str | None,
) -> Callable[[ProgressFn, CancelToken], Opened]:
    """``Database.open`` + ``initialise`` (backs an older file up, migrates, installs defaults)."""

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> Opened:
        from sqlalchemy.exc import ArgumentError

        from workforce.persistence.database import resolve_url
        from workforce.services.context import Database
        from workforce.services.system.setup import initialise

        db: Database | None = None
        try:
            db = Database.open(db_url)
            report = initialise(db)
            # what the sign-in leads to, imported here while the clerk types the password
            import ui.desktop.roster_snapshot
            import ui.desktop.system.startup_check  # noqa: F401

            return Opened(db, report.upgrade_backup)
        except ActionRefused:
            if db is not None:
                db.close()
            raise
        except ArgumentError as exc:
            message = QCoreApplication.translate("app", "The database address is not valid:\n%1")
            raise StartError(message.replace("%1", _without_password(db_url)), exc) from exc
        except Exception as exc:
            if db is not None:
                db.close()
            message = QCoreApplication.translate(
                "app", "The database could not be opened or prepared:\n%1"
            )
            where = _without_password(resolve_url(db_url))
            raise StartError(message.replace("%1", where), exc) from exc

    return operation


def _without_password(url: str | None) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url or "").render_as_string(hide_password=True)
    except Exception:
        return "（无法解析的地址）"


class StartError(Exception):
    """Opening the database failed: a message for the clerk and the cause for the details."""

    def __init__(self, message: str, cause: BaseException) -> None:
        super().__init__(message)
        self.message = message
        self.cause = cause


def show_start_error(parent: QWidget | None, exc: BaseException) -> None:
    """A message box in plain words (Chinese by default), never a traceback."""
    title = QCoreApplication.translate("app", "Cannot start")
    if isinstance(exc, ActionRefused):
        QMessageBox.critical(parent, title, exc.message)
        return
    log.error("start failed", exc_info=exc)
    cause = exc.cause if isinstance(exc, StartError) else exc
    message = exc.message if isinstance(exc, StartError) else title
    detail = (str(cause) or cause.__class__.__name__).splitlines()[0]
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, parent=parent)
    box.setInformativeText(
        QCoreApplication.translate("app", "Details: %1").replace("%1", detail[:300])
    )
    box.exec()
