"""This PC's database connection (issue 18 §1): the address is saved without the password, which
lives only in the credential store (or is typed, or in PostgreSQL's passfile); the command line
and the desktop resolve the same address; 测试连接 on a file says what it found."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.memory_keyring import MemoryKeyring
from workforce.persistence import connection
from workforce.persistence.connection import (
    ConnectionSettings,
    NoCredentialStore,
    ServerAddress,
    credential_store_available,
    load_settings,
    save_settings,
    settings_path,
    store_password,
    stored_password,
)
from workforce.persistence.database import _server_arguments, resolve_url
from workforce.services.system.connection_check import check_file

CITY = ServerAddress("db.city.gov.cn", 5432, "workforce", "workforce_app", "verify-full", "/ca.crt")


@pytest.fixture(autouse=True)
def _no_database_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKFORCE_DB", raising=False)


def test_the_address_is_saved_and_the_password_is_not(memory_keyring: MemoryKeyring) -> None:
    settings = ConnectionSettings(kind="server", server=CITY, remember_password=True)
    store_password(CITY, "秘密-Passw0rd")
    path = save_settings(settings)
    assert load_settings() == settings
    assert "Passw0rd" not in path.read_text("utf-8")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert memory_keyring.kept == {
        ("workforce", "workforce_app@db.city.gov.cn:5432/workforce"): "秘密-Passw0rd"
    }


def test_the_command_line_goes_where_the_desktop_saved(memory_keyring: MemoryKeyring) -> None:
    save_settings(ConnectionSettings(kind="server", server=CITY, remember_password=True))
    store_password(CITY, "secret")
    url = resolve_url(None)
    assert url == (
        "postgresql+psycopg://workforce_app@db.city.gov.cn:5432/workforce"
        "?sslmode=verify-full&sslrootcert=%2Fca.crt"
    )
    assert _server_arguments(url)["password"] == "secret"  # given to the driver, not in the URL
    assert resolve_url("other.db").endswith("/other.db")  # --db still wins


@pytest.mark.usefixtures("no_keyring")
def test_without_a_credential_store_the_password_is_asked() -> None:
    """No store (this machine's case): remembering is refused in words; the typed password
    lives for this run only; libpq's passfile is left to libpq (no password argument)."""
    assert not credential_store_available()
    with pytest.raises(NoCredentialStore):
        store_password(CITY, "secret")
    url = CITY.url().render_as_string(hide_password=False)
    assert "password" not in _server_arguments(url)
    connection.remember_for_this_run(CITY, "typed")
    assert stored_password(CITY) == "typed"
    assert _server_arguments(url)["password"] == "typed"


def test_an_embedded_file_elsewhere(tmp_path: Path) -> None:
    moved = tmp_path / "共享盘" / "workforce.db"
    save_settings(ConnectionSettings(kind="embedded", path=str(moved)))
    assert resolve_url(None) == f"sqlite:///{moved}"
    assert settings_path().parent == tmp_path / "config"


def test_a_file_check_says_what_it_found(tmp_path: Path, sqlite_template: Path) -> None:
    assert check_file(tmp_path / "new.db").problem == "empty"
    assert check_file(sqlite_template).ok
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE invoices (id integer)")
    assert check_file(other).problem == "foreign"
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as db:
        db.execute("CREATE TABLE alembic_version (version_num varchar(32))")
        db.execute("INSERT INTO alembic_version VALUES ('9999')")
    found = check_file(newer)
    assert (found.ok, found.problem) == (False, "newer")
    assert "升级到最新版本" in found.message
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert check_file(junk).problem == "foreign"


def test_a_schema_newer_than_the_program_is_refused_in_words(tmp_path: Path) -> None:
    from sqlalchemy import text

    from workforce.domain.problems import ActionRefused
    from workforce.services.context import Database
    from workforce.services.system.setup import initialise

    db = Database.open(str(tmp_path / "newer.db"))
    try:
        with db.engine.begin() as connection:
            connection.execute(text("CREATE TABLE alembic_version (version_num varchar(32))"))
            connection.execute(text("INSERT INTO alembic_version VALUES ('0042')"))
        with pytest.raises(ActionRefused, match="请先把本程序升级到最新版本"):
            initialise(db)
    finally:
        db.close()
