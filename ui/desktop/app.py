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
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.desktop.accounts.login_dialog import SignIn
from ui.desktop.idle_lock import IdleLock
from ui.desktop.main_window import MainWindow
from ui.tasks import run_task
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.persistence.file_lock import declare_program

if TYPE_CHECKING:
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
    window.show()
    opened: list[Database] = []

    def attach(db: Database) -> None:
        opened.append(db)
        begin_session(window, db, lambda: app.exit(0))

    def refuse(exc: BaseException) -> None:
        show_start_error(window, exc)
        app.exit(1)

    run_task(
        window,
        open_operation(db_url),
        attach,
        label=QCoreApplication.translate("app", "Opening the database…"),
        on_failed=refuse,
        cancellable=False,
    )
    try:
        return app.exec()
    finally:
        for db in opened:
            db.close()


def begin_session(
    window: MainWindow, db: Database, quit_app: Callable[[], None], idle_ms: int | None = None
) -> SignIn:
    """Sign in over the (still empty) window, check the file (``startup_check``: a damaged one
    is written no more and a backup offered; once restored, sign in again to it), then attach
    the window and start the idle lock (``session_idle_minutes``, or ``idle_ms``); closing a
    sign-in dialog quits."""
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

        check_at_start(window, db, actor, proceed, quit_app, restart)

    sign_in.finished.connect(signed_in)
    try:
        sign_in.start()
    except ActionRefused as exc:
        show_start_error(window, exc)
        quit_app()
    return sign_in


def open_operation(
    db_url: str | None,
) -> Callable[[ProgressFn, CancelToken], Database]:
    """``Database.open`` + ``initialise`` (migrates, installs defaults)."""

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> Database:
        from sqlalchemy.exc import ArgumentError

        from workforce.persistence.database import resolve_url
        from workforce.services.context import Database
        from workforce.services.system.setup import initialise

        db: Database | None = None
        try:
            db = Database.open(db_url)
            initialise(db)
            return db
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
