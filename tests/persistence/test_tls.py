"""Encrypted connections (issue 18 §2) against a throwaway PostgreSQL with TLS on and only
``hostssl`` lines: the program connects with ``verify-full`` and the CA file, from a saved
connection too (the command line without a URL), and ``测试连接`` says in words why a wrong host
name, a foreign CA or an unencrypted connection is refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.memory_keyring import MemoryKeyring
from tests.persistence.tls_server import CLERK, CLERK_PASSWORD, TlsServer, tls_cluster
from workforce.persistence.connection import (
    CONFIG_ENV,
    ConnectionSettings,
    ServerAddress,
    store_password,
)
from workforce.services.context import Database
from workforce.services.system.connection_check import check_server
from workforce.services.system.setup import initialise

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def server() -> Iterator[TlsServer]:
    try:
        with tls_cluster() as started:
            engine = create_engine(
                f"postgresql+psycopg://postgres@localhost:{started.port}/postgres?sslmode=require",
                isolation_level="AUTOCOMMIT",
            )
            with engine.connect() as connection:
                connection.execute(text("CREATE DATABASE city"))
                connection.execute(
                    text(f"CREATE ROLE {CLERK} LOGIN SUPERUSER PASSWORD '{CLERK_PASSWORD}'")
                )
            engine.dispose()
            yield started
    except RuntimeError as exc:
        pytest.skip(f"no PostgreSQL cluster with TLS could be started here: {exc}")


def _address(server: TlsServer, **overrides: object) -> ServerAddress:
    fields: dict[str, object] = {
        "host": "localhost",
        "port": server.port,
        "database": "city",
        "user": "postgres",
        "sslmode": "verify-full",
        "sslrootcert": str(server.ca_file),
    }
    fields.update(overrides)
    return ServerAddress(**fields)  # type: ignore[arg-type]


def test_the_program_works_over_a_verified_encrypted_connection(server: TlsServer) -> None:
    url = _address(server).url().render_as_string(hide_password=False)
    db = Database.open(url)
    try:
        initialise(db)
        with db.reading() as session:
            ssl = session.execute(
                text("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).one()
    finally:
        db.close()
    assert ssl[0] is True
    assert ssl[1].startswith("TLS")
    found = check_server(_address(server), None)
    assert found.ok
    assert found.encrypted
    assert "已加密" in found.message


def test_verify_full_refuses_a_wrong_host_name(server: TlsServer) -> None:
    """The certificate names localhost: reached as 127.0.0.1, the name does not match."""
    found = check_server(_address(server, host="127.0.0.1"), None)
    assert not found.ok
    assert found.problem == "tls"
    assert "名称" in found.message
    assert "does not match host name" in found.detail


def test_verify_full_refuses_a_certificate_of_another_ca(server: TlsServer) -> None:
    found = check_server(_address(server, sslrootcert=str(server.other_ca_file)), None)
    assert (found.ok, found.problem) == (False, "tls")
    assert "不受信任" in found.message


def test_require_encrypts_without_checking_the_certificate(server: TlsServer) -> None:
    found = check_server(
        _address(server, host="127.0.0.1", sslmode="require", sslrootcert=""), None
    )
    assert found.ok
    assert found.encrypted


def test_an_unencrypted_connection_is_refused_by_the_servers_hostssl_lines(
    server: TlsServer,
) -> None:
    found = check_server(_address(server, sslmode="disable", sslrootcert=""), None)
    assert (found.ok, found.problem) == (False, "refused")
    assert "加密" in found.message


def test_the_command_line_uses_the_saved_connection(server: TlsServer, tmp_path: Path) -> None:
    """What the desktop saved (no password, no URL) is where ``workforce stats`` goes."""
    saved = ConnectionSettings(kind="server", server=_address(server))
    (tmp_path / "connection.json").write_text(json.dumps(asdict(saved)), "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "WORKFORCE_DB"}
    env.update({CONFIG_ENV: str(tmp_path), "PYTHONPATH": str(ROOT)})
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "stats", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert isinstance(json.loads(done.stdout), dict)


def test_a_password_is_asked_checked_and_taken_from_the_credential_store(
    server: TlsServer, memory_keyring: MemoryKeyring
) -> None:
    clerk = _address(server, user=CLERK)
    assert check_server(clerk, None).needs_password
    wrong = check_server(clerk, "not it")
    assert (wrong.ok, wrong.problem, wrong.message) == (False, "password", "用户名或密码不正确")
    assert check_server(clerk, CLERK_PASSWORD).ok
    store_password(clerk, CLERK_PASSWORD)  # 记住密码: the program finds it there
    db = Database.open(clerk.url().render_as_string(hide_password=False))
    try:
        with db.reading() as session:
            assert session.scalar(text("SELECT current_user")) == CLERK
    finally:
        db.close()


def test_the_command_line_takes_the_servers_password_from_its_variable(
    server: TlsServer, tmp_path: Path
) -> None:
    url = _address(server, user=CLERK).url().render_as_string(hide_password=False)
    env = {k: v for k, v in os.environ.items() if k != "WORKFORCE_DB"}
    env.update({CONFIG_ENV: str(tmp_path), "PYTHONPATH": str(ROOT)})
    command = [sys.executable, str(ROOT / "main.py"), "init", "--db", url]
    refused = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert refused.returncode != 0
    assert "no password supplied" in refused.stderr
    env["WORKFORCE_DB_PASSWORD"] = CLERK_PASSWORD
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr


def test_postgresqls_passfile_is_honoured(
    server: TlsServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing typed, nothing stored: libpq finds the password in ``PGPASSFILE``."""
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"localhost:{server.port}:city:{CLERK}:{CLERK_PASSWORD}\n", "utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    assert check_server(_address(server, user=CLERK), None).ok
