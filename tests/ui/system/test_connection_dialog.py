"""系统 → 数据库连接… (issue 18 §1): a clerk points this PC at the city's server, tests the
connection, and saves the address; the password goes to the credential store only when asked,
and where there is none the dialog says so and the password is asked at each start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from tests.memory_keyring import MemoryKeyring
from ui.desktop.app import StartError, password_needed
from ui.desktop.system.connection_dialog import ConnectionDialog
from workforce.persistence.connection import ConnectionSettings, ServerAddress, settings_path

pytestmark = pytest.mark.gui


def _dialog(qtbot: QtBot, tmp_path: Path, **kwargs: object) -> ConnectionDialog:
    dialog = ConnectionDialog(ConnectionSettings(), tmp_path / "workforce.db", **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def _fill(dialog: ConnectionDialog, url: str, password: str = "") -> None:
    parsed = make_url(url)
    dialog.server_choice.setChecked(True)
    dialog.host.setText(parsed.host or "")
    dialog.port.setValue(parsed.port or 5432)
    dialog.database.setText(parsed.database or "")
    dialog.user.setText(parsed.username or "")
    dialog.password.setText(password)


def test_a_server_is_tested_and_saved_without_its_password(
    qtbot: QtBot, tmp_path: Path, pg_url: str, memory_keyring: MemoryKeyring
) -> None:
    dialog = _dialog(qtbot, tmp_path)
    _fill(dialog, pg_url, "secret")
    dialog.sslmode.setCurrentIndex(0)  # 不加密: the test server has no TLS
    dialog.test()
    qtbot.waitUntil(lambda: "PostgreSQL" in dialog.result_label.text(), timeout=15_000)
    assert dialog.last_check.ok
    dialog.remember.setChecked(True)
    dialog.save()
    saved = settings_path().read_text("utf-8")
    assert "secret" not in saved
    assert json.loads(saved)["server"]["host"] == make_url(pg_url).host
    assert list(memory_keyring.kept.values()) == ["secret"]


def test_a_wrong_port_is_said_in_plain_words(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    _fill(dialog, "postgresql+psycopg://postgres@127.0.0.1:1/test")
    dialog.test()
    qtbot.waitUntil(lambda: "无法连接到服务器" in dialog.result_label.text(), timeout=15_000)
    assert not dialog.last_check.ok


@pytest.mark.usefixtures("no_keyring")
def test_without_a_credential_store_the_dialog_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path, first_start=True)
    dialog.show()
    assert not dialog.remember.isEnabled()
    assert dialog.no_store.isVisible()
    dialog.embedded_choice.setChecked(True)
    dialog.save()
    assert json.loads(settings_path().read_text("utf-8"))["kind"] == "embedded"


def test_verify_full_needs_a_ca_file(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    _fill(dialog, "postgresql+psycopg://workforce_app@db.city.gov.cn/workforce")
    dialog.sslmode.setCurrentIndex(4)  # verify-full
    assert dialog.ca_file.isEnabled()
    dialog.save()
    assert "CA" in dialog.result_label.text()
    assert not settings_path().exists()


def test_a_missing_or_refused_password_is_asked_for() -> None:
    url = "postgresql+psycopg://clerk@db.city.gov.cn/workforce"
    asked = password_needed(url, StartError("x", Exception("fe_sendauth: no password supplied")))
    assert asked == (ServerAddress("db.city.gov.cn", 5432, "workforce", "clerk"), "")
    refused = Exception('FATAL:  password authentication failed for user "clerk"')
    assert password_needed(url, StartError("x", refused)) is not None
    assert password_needed(url, StartError("x", Exception("connection refused"))) is None
    assert password_needed("/tmp/x.db", StartError("x", refused)) is None
