"""系统 → 数据库连接… (and the first start that finds no database yet): where this PC's program
keeps its data. The embedded file (where it is, move it, open another) or a city's PostgreSQL
server (host, port, database, user, encryption, CA file), with 测试连接 saying in plain words what
failed. What is saved is the address without the password (``workforce.persistence.connection``):
the password is typed at each start, or kept in the operating system's credential store when
记住密码 is ticked (where there is none, the dialog says so). The command line on this PC reads
the same choice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.tasks import run_task
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.persistence.connection import (
    SSL_MODES,
    ConnectionSettings,
    NoCredentialStore,
    ServerAddress,
    address_of,
    credential_store_available,
    forget_password,
    load_settings,
    remember_for_this_run,
    save_settings,
    store_password,
    stored_password,
)
from workforce.services.context import Database
from workforce.services.system.connection_check import ConnectionCheck, check_file, check_server

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell


def _ssl_labels() -> dict[str, str]:
    return {
        "disable": QCoreApplication.translate("connection", "No encryption"),
        "prefer": QCoreApplication.translate("connection", "Encrypt when the server offers it"),
        "require": QCoreApplication.translate("connection", "Require encryption"),
        "verify-ca": QCoreApplication.translate(
            "connection", "Require encryption, check the certificate's CA"
        ),
        "verify-full": QCoreApplication.translate(
            "connection", "Require encryption, check the CA and the server name"
        ),
    }


class ConnectionDialog(QDialog):
    """The choice as a form. ``settings()`` reads it back; Save writes it (and the password to
    the credential store when asked) and accepts."""

    def __init__(
        self,
        current: ConnectionSettings,
        default_file: Path,
        *,
        first_start: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.default_file = default_file
        self.first_start = first_start
        self.setWindowTitle(self.tr("Database connection"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "No database was found on this computer. Keep the data in a file on this "
                "computer (one clerk), or connect to your city's database server (many clerks)."
            )
            if first_start
            else self.tr(
                "Where this computer's program keeps its data. A change takes effect when the "
                "program is started again; the command line on this computer uses it too."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.embedded_choice = QRadioButton(self.tr("A database file on this computer"))
        self.server_choice = QRadioButton(self.tr("A database server (PostgreSQL)"))
        choice = QButtonGroup(self)
        for button in (self.embedded_choice, self.server_choice):
            choice.addButton(button)
        layout.addWidget(self.embedded_choice)
        layout.addWidget(self._file_box(current))
        layout.addWidget(self.server_choice)
        layout.addWidget(self._server_box(current))
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Test connection"))
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.result_label, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.test_button.clicked.connect(self.test)
        self.embedded_choice.toggled.connect(self._enable)
        self.sslmode.currentIndexChanged.connect(self._enable)
        (self.server_choice if current.kind == "server" else self.embedded_choice).setChecked(True)
        self._enable()

    def _file_box(self, current: ConnectionSettings) -> QGroupBox:
        box = self.file_box = QGroupBox()
        self.path = QLineEdit(current.path or str(self.default_file))
        self.open_button = QPushButton(self.tr("Open another…"))
        self.move_button = QPushButton(self.tr("Move to…"))
        self.move_button.setVisible(False)  # offered for the file now open (``offer_move``)
        row = QHBoxLayout(box)
        row.addWidget(self.path, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.move_button)
        self.open_button.clicked.connect(self._open_another)
        return box

    def _server_box(self, current: ConnectionSettings) -> QGroupBox:
        box = self.server_box = QGroupBox()
        column = QVBoxLayout(box)
        form = QFormLayout()
        column.addLayout(form)
        server = current.server or ServerAddress("")
        self.host = QLineEdit(server.host)
        self.host.setPlaceholderText(self.tr("e.g. db.city.gov.cn or 10.1.2.3"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(server.port)
        self.database = QLineEdit(server.database)
        self.user = QLineEdit(server.user)
        self.password = QLineEdit((stored_password(server) or "") if server.host else "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(
            self.tr("Remember the password (in the system's credential store)")
        )
        self.remember.setChecked(current.remember_password)
        self.no_store = QLabel(
            self.tr(
                "This computer has no credential store: the password is asked at each start "
                "(or kept by the database administrator in PostgreSQL's password file)."
            )
        )
        self.no_store.setWordWrap(True)
        available = credential_store_available()
        self.remember.setEnabled(available)
        self.no_store.setVisible(not available)
        if not available:
            self.remember.setChecked(False)
        self.sslmode = QComboBox()
        for mode, label in _ssl_labels().items():
            self.sslmode.addItem(label, mode)
        self.sslmode.setCurrentIndex(
            SSL_MODES.index(server.sslmode) if server.sslmode in SSL_MODES else 1
        )
        self.ca_file = QLineEdit(server.sslrootcert)
        self.ca_button = QPushButton(self.tr("Browse…"))
        self.ca_button.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_button)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("Encryption:"), self.sslmode)
        form.addRow(self.tr("CA certificate:"), ca_row)
        column.addWidget(self.no_store)
        return box

    # -- reading the form ----------------------------------------------------------------------
    def address(self) -> ServerAddress:
        return ServerAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            sslmode=str(self.sslmode.currentData()),
            sslrootcert=self.ca_file.text().strip() if self._verifies() else "",
        )

    def settings(self) -> ConnectionSettings:
        if self.embedded_choice.isChecked():
            path = self.path.text().strip()
            return ConnectionSettings("embedded", "" if Path(path) == self.default_file else path)
        return ConnectionSettings(
            "server", server=self.address(), remember_password=self.remember.isChecked()
        )

    def _verifies(self) -> bool:
        return str(self.sslmode.currentData()).startswith("verify")

    def _enable(self) -> None:
        embedded = self.embedded_choice.isChecked()
        self.file_box.setEnabled(embedded)
        self.server_box.setEnabled(not embedded)
        for widget in (self.ca_file, self.ca_button):
            widget.setEnabled(not embedded and self._verifies())
        self.result_label.clear()

    def _missing(self) -> str:
        """What the form lacks, in words ("" when complete)."""
        if self.embedded_choice.isChecked():
            return "" if self.path.text().strip() else self.tr("Choose the database file.")
        address = self.address()
        if not (address.host and address.database and address.user):
            return self.tr("Fill in the server, the database and the user name.")
        if self._verifies() and not address.sslrootcert:
            return self.tr("Choose the CA certificate file that signed the server's certificate.")
        return ""

    # -- actions -------------------------------------------------------------------------------
    def test(self) -> None:
        missing = self._missing()
        if missing:
            self.show_result(ConnectionCheck(False, "form", missing))
            return
        settings, password = self.settings(), self.password.text()

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> ConnectionCheck:
            if settings.kind == "embedded":
                return check_file(Path(settings.path or self.default_file).expanduser())
            assert settings.server is not None
            return check_server(settings.server, password)

        self.test_button.setEnabled(False)
        self.result_label.setText(self.tr("Connecting…"))
        run_task(
            self,
            operation,
            self.show_result,
            label=self.tr("Testing the connection…"),
            on_failed=lambda exc: self.show_result(ConnectionCheck(False, "other", str(exc))),
            cancellable=False,
            show_after_ms=3000,
        )

    def show_result(self, check: ConnectionCheck) -> None:
        self.test_button.setEnabled(True)
        self.last_check = check
        colour = "#1b5e20" if check.ok else "#b00020"
        self.result_label.setStyleSheet(f"color: {colour};")
        text = check.message + (f"\n（{check.detail}）" if check.detail and not check.ok else "")
        self.result_label.setText(text)

    def save(self) -> None:
        missing = self._missing()
        if missing:
            self.show_result(ConnectionCheck(False, "form", missing))
            return
        settings = self.settings()
        server = settings.server
        if server is not None:
            password = self.password.text()
            if password:
                remember_for_this_run(server, password)
            if settings.remember_password and password:
                try:
                    store_password(server, password)
                except NoCredentialStore:
                    settings = ConnectionSettings("server", server=server)
                    QMessageBox.warning(
                        self,
                        self.windowTitle(),
                        self.tr(
                            "The password could not be kept in the system's credential store: "
                            "it will be asked at each start."
                        ),
                    )
            elif not settings.remember_password:
                forget_password(server)
        save_settings(settings)
        self.saved = settings
        self.accept()

    def _open_another(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a database file"), self.path.text(), self.tr("Database (*.db)")
        )
        if chosen:
            self.path.setText(chosen)
            self.test()

    def offer_move(self, copy: Callable[[Path], None]) -> None:
        """Show 移动到… for the file now open: ``copy(target)`` copies it there consistently."""
        self.move_button.setVisible(True)
        self.move_button.clicked.connect(lambda _checked=False: self._move(copy))

    def _move(self, copy: Callable[[Path], None]) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Move the database to"), self.path.text(), self.tr("Database (*.db)")
        )
        if not target or Path(target).exists():
            if target:
                QMessageBox.warning(self, self.windowTitle(), self.tr("That file exists already."))
            return
        destination = Path(target)

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> Path:
            copy(destination)
            return destination

        def copied(where: Path) -> None:
            self.path.setText(str(where))
            self.result_label.setStyleSheet("")
            self.result_label.setText(
                self.tr(
                    "Copied. Save, then start the program again: it will use the new place. "
                    "The old file stays where it was until you delete it."
                )
            )

        run_task(self, operation, copied, label=self.tr("Copying the database…"), cancellable=False)

    def _choose_ca(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("CA certificate"),
            self.ca_file.text(),
            self.tr("Certificates (*.crt *.pem)"),
        )
        if chosen:
            self.ca_file.setText(chosen)


def ask_server_password(parent: QWidget | None, address: ServerAddress, reason: str) -> str | None:
    """The server's password for this run (not saved); None when the clerk cancels."""
    text = QCoreApplication.translate("connection", "Password of %1 on the server %2:")
    text = text.replace("%1", address.user).replace("%2", f"{address.host}:{address.port}")
    if reason:
        text = f"{reason}\n\n{text}"
    password, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("connection", "Database password"),
        text,
        QLineEdit.EchoMode.Password,
    )
    if not ok:
        return None
    remember_for_this_run(address, password)
    return password


def current_settings(db: Database | None) -> ConnectionSettings:
    """What the dialog starts from: the saved choice, else the database open now."""
    saved = load_settings()
    if saved is not None:
        return saved
    if db is not None:
        address = address_of(db.engine.url.render_as_string(hide_password=True))
        if address is not None:
            return ConnectionSettings("server", server=address)
        database = db.engine.url.database
        if database:
            return ConnectionSettings("embedded", database)
    return ConnectionSettings()


def add_connection_entry(window: WindowShell) -> QAction:
    """数据库连接… at the end of the System menu: anyone may choose where this PC's program
    connects (it changes no data)."""
    from ui.desktop.accounts.audit_menu import system_menu

    menu = system_menu(window)
    menu.addSeparator()
    action = QAction(
        QCoreApplication.translate("connection", "Database connection…"), window.widget()
    )
    action.setObjectName("action-connection")
    action.triggered.connect(lambda _checked=False: open_connection_dialog(window))
    menu.addAction(action)
    return action


def open_connection_dialog(window: WindowShell) -> None:
    """The dialog over the window, from the saved choice or the database open now; the open
    embedded file can be copied to a new place from here (移动到…)."""
    from workforce.persistence.database import default_database_path

    db = window.db
    dialog = ConnectionDialog(current_settings(db), default_database_path(), parent=window.widget())
    if db is not None and db.engine.dialect.name == "sqlite":
        from workforce.persistence.backup_files import copy_live

        engine = db.engine
        dialog.offer_move(lambda target: copy_live(engine, target))
    if dialog.exec() == QDialog.DialogCode.Accepted:
        title = QCoreApplication.translate("connection", "Database connection")
        text = QCoreApplication.translate(
            "connection", "Saved. The new connection is used from the next start of the program."
        )
        QMessageBox.information(window.widget(), title, text)
