"""``workforce server setup`` (issue 18 §3): the SQL for the database administrator on standard
output, pipeable into psql; ``--apply`` only with a superuser on a server."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import PG_ADMIN_URL
from ui.cli.main import main


def test_setup_prints_the_roles_sql(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "setup", "--database", "city", "--clerks", "city_app"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("-- workforce")
    assert 'CREATE ROLE "workforce_owner" LOGIN' in out
    assert 'GRANT USAGE ON SCHEMA "public" TO "city_app"' in out
    assert 'REVOKE UPDATE, DELETE, TRUNCATE ON "public"."audit_log" FROM "city_app"' in out


def test_the_database_name_comes_from_the_server_url(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://postgres@db.city.gov.cn/renshe"
    assert main(["server", "setup", "--db", url]) == 0
    assert 'ALTER DATABASE "renshe" OWNER TO "workforce_owner"' in capsys.readouterr().out


def test_apply_needs_a_server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "setup", "--apply", "--db", str(tmp_path / "w.db")]) == 1
    assert "PostgreSQL" in capsys.readouterr().err


def test_apply_needs_a_superuser(capsys: pytest.CaptureFixture[str], pg_url: str) -> None:
    """A role that is no superuser is told to hand the printed SQL to the administrator."""
    role = f"wf_plain_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE ROLE "{role}" LOGIN'))
    try:
        url = make_url(pg_url).set(username=role).render_as_string(hide_password=False)
        assert main(["server", "setup", "--apply", "--db", url]) == 1
        assert "超级用户" in capsys.readouterr().err
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()
