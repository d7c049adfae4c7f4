"""Least privilege on a city's server (issue 18 §3): the program runs as the clerks' role, and that
role, with any SQL client, cannot change the schema, rewrite the audit log or alter a locked
month. The owner migrates; the clerks' role is refused the migration in words."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tests.conftest import PG_ADMIN_URL
from tests.services.payroll_support import adopted_in, close, community, hire, user
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.server_roles import (
    Roles,
    acting_as,
    apply_setup,
    grant_statements,
    setup_script,
)
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.system.setup import initialise


@dataclass(frozen=True)
class City:
    roles: Roles
    owner_url: str
    clerks_url: str


def _url(database: str, user: str) -> str:
    return (
        make_url(PG_ADMIN_URL)
        .set(database=database, username=user)
        .render_as_string(hide_password=False)
    )


def _admin() -> Engine:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect():
            pass
    except Exception as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    return admin


@pytest.fixture
def empty_city() -> Iterator[City]:
    """A new database and two new roles, set up as ``server setup --apply`` does, not migrated."""
    admin = _admin()
    tag = uuid.uuid4().hex[:8]
    roles = Roles(f"workforce_city_{tag}", f"wf_owner_{tag}", f"wf_clerks_{tag}")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{roles.database}"'))
    engine = create_engine(_url(roles.database, make_url(PG_ADMIN_URL).username or "postgres"))
    apply_setup(engine, roles)
    engine.dispose()
    try:
        yield City(roles, _url(roles.database, roles.owner), _url(roles.database, roles.clerks))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{roles.database}" WITH (FORCE)'))
            for role in (roles.clerks, roles.owner):
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


@pytest.fixture
def city(empty_city: City) -> City:
    """Migrated by the owner, the clerks' role granted the tables."""
    db = Database.open(empty_city.owner_url)
    try:
        initialise(db)
        with db.engine.begin() as connection:
            for statement in grant_statements(empty_city.roles):
                connection.exec_driver_sql(statement)
    finally:
        db.close()
    return empty_city


def _refused(url: str, sql: str) -> str:
    engine = create_engine(url)
    try:
        with engine.begin() as connection, pytest.raises(DBAPIError) as caught:
            connection.exec_driver_sql(sql)
        return str(caught.value.orig)
    finally:
        engine.dispose()


def test_the_clerks_role_cannot_rewrite_the_audit_log(city: City) -> None:
    clerks = Database.open(city.clerks_url)
    try:
        initialise(clerks)  # the program runs as the clerks' role: it appends, reads
        admin = actor_for(clerks)
        hire(clerks, admin, community(clerks, admin), 1)
        with clerks.reading() as session:
            entries = session.scalar(text("SELECT count(*) FROM audit_log"))
        assert entries
    finally:
        clerks.close()
    for sql in (
        "UPDATE audit_log SET note = '改过'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
        "DROP TRIGGER audit_log_append_only ON audit_log",
    ):
        assert "audit_log" in _refused(city.clerks_url, sql) or "owner" in _refused(
            city.clerks_url, sql
        ), sql


def test_the_clerks_role_cannot_change_the_schema(city: City) -> None:
    for sql in (
        "DROP TABLE worker CASCADE",
        "ALTER TABLE worker ADD COLUMN salary_override integer",
        "CREATE TABLE shadow (id integer)",
        "UPDATE alembic_version SET version_num = '0001'",
        "CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
    ):
        message = _refused(city.clerks_url, sql)
        assert "permission denied" in message or "must be owner" in message, (sql, message)


def test_a_locked_month_changes_for_the_owner_only(city: City) -> None:
    clerks = Database.open(city.clerks_url)
    try:
        initialise(clerks)
        admin = actor_for(clerks)
        hire(clerks, admin, community(clerks, admin), 1)
        adopted_in(clerks, admin, "2026-03")
        calculate_month(clerks, admin, "2026-03")
        close(clerks, "2026-03", user(clerks, "shenhe", Role.APPROVER), admin)
    finally:
        clerks.close()
    for sql in (
        "UPDATE payslip SET net = net + 1000",
        "DELETE FROM payslip",
        # a copy of the locked payslip as a new row (the trigger refuses before any constraint)
        "INSERT INTO payslip SELECT * FROM jsonb_populate_record(null::payslip,"
        " (SELECT to_jsonb(p) || jsonb_build_object('id', p.id + 1000) FROM payslip p))",
        "UPDATE payroll_month SET status = 'approved'",
        "DELETE FROM payroll_month",
    ):
        assert "已锁定月份" in _refused(city.clerks_url, sql), sql
    owner = create_engine(city.owner_url)
    try:
        with owner.begin() as connection:  # the owner's correction goes through
            changed = connection.execute(text("UPDATE payslip SET net = net"))
            assert changed.rowcount == 1
    finally:
        owner.dispose()


def test_the_clerks_role_is_refused_the_migration_and_told_who_must(empty_city: City) -> None:
    clerks = Database.open(empty_city.clerks_url)
    try:
        with pytest.raises(ActionRefused) as refused:
            initialise(clerks)
    finally:
        clerks.close()
    message = refused.value.message
    assert empty_city.roles.clerks in message
    assert empty_city.roles.owner in message
    assert "workforce init" in message


def test_a_superuser_migrates_on_the_owners_behalf(empty_city: City) -> None:
    """``server setup --apply``: what the superuser creates under ``SET ROLE`` is the owner's."""
    superuser = Database.open(_url(empty_city.roles.database, "postgres"))
    try:
        with acting_as(superuser.engine, empty_city.roles.owner):
            assert initialise(superuser).migrated
        with superuser.reading() as session:
            owners = set(
                session.scalars(
                    text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
                )
            )
    finally:
        superuser.close()
    assert owners == {empty_city.roles.owner}


def test_the_printed_script_names_both_roles_and_the_encrypted_hba_line() -> None:
    script = setup_script(Roles("city", "wf_owner", "wf_app"))
    assert 'CREATE ROLE "wf_owner" LOGIN' in script
    assert 'REVOKE UPDATE, DELETE, TRUNCATE ON "public"."audit_log" FROM "wf_app"' in script
    assert "hostssl city wf_app,wf_owner" in script
    assert "PASSWORD" not in script.upper().replace("\\PASSWORD", "")
