"""记住密码 with a real credential store (issue 18 §1): on Linux the ``keyring`` package keeps
the password in the Secret Service. A throwaway session bus and GNOME Keyring (unlocked with a
throwaway password, its files in the test's folder) stand in for a clerk's desktop session; the
password goes into the store and comes back from it, and is on disk nowhere in plain text: not
in ``connection.json``, not in Qt's settings. Skipped where GNOME Keyring or a session bus
cannot start (``apt-get install gnome-keyring`` provides both)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from ui.desktop.system.connection_dialog import ConnectionDialog
from workforce.persistence import connection
from workforce.persistence.connection import ConnectionSettings, settings_path, stored_password

pytestmark = pytest.mark.gui

PASSWORD = "城市-S3cret-口令"
SECRETS = "org.freedesktop.secrets"  # the Secret Service's name on the session bus


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[KeyringBackend]:
    """A session bus and an unlocked GNOME Keyring of this test's own; ``keyring`` uses it."""
    secretstorage = pytest.importorskip("secretstorage")
    from jeepney.bus_messages import message_bus  # secretstorage's D-Bus library
    from keyring.backends import SecretService

    if not (shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon")):
        pytest.skip("no dbus-daemon or gnome-keyring-daemon (apt-get install gnome-keyring)")
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700)
    env = dict(
        os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_RUNTIME_DIR=str(runtime)
    )
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().decode().strip()
    if not address:
        _stop(bus)
        pytest.skip("the session bus did not start")
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert daemon.stdin is not None
    daemon.stdin.write(b"throwaway-unlock")  # the login keyring, made with this password
    daemon.stdin.close()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    before = keyring.get_keyring()
    try:
        deadline = time.monotonic() + 15
        last = "no answer"
        while True:
            try:
                with secretstorage.dbus_init() as bus_connection:
                    # asked before our daemon has taken the name, the bus would start another
                    # one itself (D-Bus activation), without the unlock password
                    asked = message_bus.NameHasOwner(SECRETS)
                    if bus_connection.send_and_get_reply(asked).body[0]:
                        collection = secretstorage.get_default_collection(bus_connection)
                        if not collection.is_locked():
                            break
                        last = "the login keyring is locked"
                    else:
                        last = f"nobody owns {SECRETS} on the bus"
            except Exception as exc:
                last = repr(exc)
            if time.monotonic() > deadline or daemon.poll() is not None:
                pytest.skip(f"GNOME Keyring did not start on the test's session bus ({last})")
            time.sleep(0.05)
        backend = SecretService.Keyring()
        keyring.set_keyring(backend)
        yield backend
    finally:
        keyring.set_keyring(before)
        _stop(daemon)
        _stop(bus)


def test_remember_password_keeps_it_in_the_secret_service_only(
    qtbot: QtBot, tmp_path: Path, pg_url: str, secret_service: KeyringBackend
) -> None:
    import secretstorage

    dialog = ConnectionDialog(ConnectionSettings(), tmp_path / "workforce.db")
    qtbot.addWidget(dialog)
    parsed = make_url(pg_url)
    dialog.server_choice.setChecked(True)
    dialog.host.setText(parsed.host or "")
    dialog.port.setValue(parsed.port or 5432)
    dialog.database.setText(parsed.database or "")
    dialog.user.setText(parsed.username or "")
    dialog.password.setText(PASSWORD)
    dialog.sslmode.setCurrentIndex(0)  # 不加密: the test server has no TLS
    assert dialog.remember.isEnabled()  # a credential store is there: 记住密码 can be ticked
    dialog.remember.setChecked(True)
    dialog.save()

    saved = ConnectionSettings(kind="server", server=dialog.address(), remember_password=True)
    assert settings_path().read_text("utf-8").count(PASSWORD) == 0
    # the next start of the program: nothing typed in this run, the store answers
    connection._typed.clear()
    assert saved.server is not None
    assert stored_password(saved.server) == PASSWORD
    # in the real store, under the program's name and the account
    with secretstorage.dbus_init() as bus_connection:
        collection = secretstorage.get_default_collection(bus_connection)
        items = list(collection.search_items({"service": "workforce"}))
        assert [item.get_attributes()["username"] for item in items] == [saved.server.key]
        assert items[0].get_secret().decode() == PASSWORD
    # on disk nowhere in plain text: connection.json, Qt's settings (this test's folder), the
    # keyring's own file (encrypted with its unlock password)
    written = [p for p in tmp_path.rglob("*") if p.is_file() and not p.is_socket()]
    for path in written:
        content = path.read_bytes()
        assert PASSWORD.encode() not in content, path
        assert PASSWORD.encode("utf-16-le") not in content, path
