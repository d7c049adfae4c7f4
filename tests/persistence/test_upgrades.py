"""Upgrading from every released schema revision keeps the data, on SQLite and PostgreSQL.

For each revision Alembic knows, an empty database is brought up revision by revision to it,
each step adding the rows a user of that release would have (plain SQL valid at that step);
then the program opens it as at start-up (upgrade to head, defaults). Every row of every table
that existed is still there, unchanged, and reads back through today's models and services.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from tests.conftest import PG_ADMIN_URL
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.adjustment import AdjustmentItem, AdjustmentRun
from workforce.persistence.careers import CertificateRegistration, PipelineTransition
from workforce.persistence.migrate import alembic_config, current_revision, head_revision
from workforce.persistence.payroll import PayItem, Payslip
from workforce.services.accounts.audit_chain import verify_audit_log
from workforce.services.context import Actor, Database
from workforce.services.roster.workers import load_worker
from workforce.services.system.setup import initialise

T = "'2020-01-01 08:00:00.000000'"
SEEDS: dict[str, list[str]] = {
    "0001": [
        "INSERT INTO org_unit (id, parent_id, kind, name, sort_order)"
        " VALUES (1, NULL, 'district', '示范区', 0), (2, 1, 'street', '新华街道', 0),"
        " (3, 2, 'community', '光明社区', 0)",
        """INSERT INTO setting (key, value) VALUES ('default_district_id', '1'),
           ('region_name', '"示范地区"')""",
        "INSERT INTO app_user (id, username, display_name, role, password_hash,"
        " must_change_password, failed_logins, active, created_at)"
        f" VALUES (1, 'admin', '系统管理员', 'admin', '', false, 0, true, {T})",
        "INSERT INTO worker (id, id_number, name, sex, birth_date, ethnicity, political_status,"
        " is_committee_member, community_id, post, level, level_start_year, credited_ladder,"
        " status, version, created_at, updated_at) VALUES (1, '11010519491231002X', '张三', '女',"
        f" '1949-12-31', '汉族', '群众', false, 3, 'staff', 3, 2019, 0, '在职', 1, {T}, {T})",
        "INSERT INTO certificate (id, worker_id, kind, level, number, obtained_date)"
        " VALUES (1, 1, '社会工作者职业资格', '助理社会工作师', 'A-1', '2019-10-01')",
        "INSERT INTO post_level_change (id, worker_id, effective_date, post, level, reason,"
        f" source, created_at) VALUES (1, 1, '2019-01-01', 'staff', 3, '建档', 'import', {T})",
        "INSERT INTO appraisal (id, worker_id, year, grade) VALUES (1, 1, 2019, '优秀')",
        "INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, changes,"
        f" note) VALUES (1, {T}, 1, 'admin', 'create', 'worker', 1, '{{}}', '建档')",
    ],
    "0002": [
        "INSERT INTO adjustment_run (id, year, effective_date, status, rules, person_times,"
        " yearly_cost, prepared_by, prepared_at, version) VALUES (1, 2020, '2020-01-01',"
        f" 'applied', '{{}}', 1, 240000, 1, {T}, 3)",
        "INSERT INTO adjustment_item (id, run_id, worker_id, old_post, old_level, new_post,"
        " proposed_level, new_level, reasons, notes, monthly_delta, yearly_delta, excluded,"
        " override_reason, state_before, state_after) VALUES (1, 1, 1, 'staff', 3, 'staff', 4,"
        " 4, '[]', '[]', 20000, 240000, false, '', '{\"level\": 3}', '{\"level\": 4}')",
        "UPDATE worker SET level = 4, credited_honour_kinds = '优秀' WHERE id = 1",
    ],
    "0003": [
        "INSERT INTO pay_item (id, worker_id, period, code, name, amount, taxable, insurable,"
        " after_tax, note, created_by, created_at) VALUES (1, 1, '2021-03-01', 'heating',"
        f" '取暖补贴', 80050, false, false, false, '', 1, {T})",
    ],
    "0004": [
        "INSERT INTO certificate_registration (id, certificate_id, registered_date, source,"
        f" recorded_at) VALUES (1, 1, '2020-03-05', 'import', {T})",
        "INSERT INTO pipeline_transition (id, worker_id, stage, effective_date, source, reason,"
        f" recorded_by, created_at) VALUES (1, 1, '后备人选', '2021-06-01', 'manual', '推荐', 1,"
        f" {T})",
    ],
    "0006": [
        "INSERT INTO payroll_month (id, period, status, worker_count, gross_total, tax_total,"
        " net_total, employer_total, inputs, inputs_hash, runs, created_at, version)"
        f" VALUES (1, '2021-03-01', 'locked', 1, 393800, 0, 393800, 0, '{{}}', '', '[]', {T}, 1)",
        "INSERT INTO payslip (id, month_id, worker_id, community_id, post, level, status,"
        " days_employed, days_in_month, gross, taxable_income, insurable_gross, insurance,"
        " employer, special_deductions, other_deductions, tax, after_tax, net, tax_first_month,"
        " cum_income, cum_exempt, cum_basic, cum_insurance, cum_special, cum_other, cum_taxable,"
        " tax_rate, quick_deduction, cum_tax, withheld_before, lines, contributions, inputs,"
        " inputs_hash) VALUES (1, 1, 1, 3, 'staff', 4, '在职', 31, 31, 393800, 393800, 393800,"
        " 0, 0, 0, 0, 0, 0, 393800, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '[]', '[]', '{}', '')",
        "UPDATE worker SET bank_name = '工行', bank_account = '6222020000000001' WHERE id = 1",
    ],
}


def released() -> list[str]:
    """Every revision Alembic knows, oldest first."""
    scripts = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    return [script.revision for script in reversed(list(scripts.walk_revisions()))]


def test_every_seeded_revision_is_released() -> None:
    assert set(SEEDS) <= set(released())


@pytest.fixture(params=["sqlite", "postgresql"])
def empty(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty database, not migrated."""
    if request.param == "sqlite":
        database = Database.open(f"sqlite:///{tmp_path / 'old.db'}")
        yield database
        database.close()
        return
    request.getfixturevalue("pg_url")  # skips when the server is not reachable
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"workforce_upgrade_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database = Database.open(make_url(PG_ADMIN_URL).set(database=name).render_as_string(False))
    yield database
    database.close()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _advance_sequences(connection: Connection) -> None:
    """PostgreSQL: the seeds give explicit ids, which leave the id sequences at 1; the release's
    own inserts would have moved them, so the program's next insert (the audit row of
    ``initialise``) must not reuse an id. SQLite takes max(id) + 1 by itself."""
    if connection.dialect.name != "postgresql":
        return
    found = inspect(connection)
    for table in found.get_table_names():
        if "id" in {column["name"] for column in found.get_columns(table)}:
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'),"
                    f' coalesce(max(id), 0) + 1, false) FROM "{table}"'
                )
            )


def snapshot(engine: Engine) -> dict[str, dict[Any, dict[str, Any]]]:
    """Every table's rows by their first column (the primary key)."""
    tables: dict[str, dict[Any, dict[str, Any]]] = {}
    with engine.connect() as connection:
        for name in inspect(connection).get_table_names():
            if name != "alembic_version":
                rows = connection.execute(text(f'SELECT * FROM "{name}"')).mappings().all()
                tables[name] = {next(iter(row.values())): dict(row) for row in rows}
    return tables


@pytest.mark.parametrize("revision", released())
def test_upgrading_from_a_release_keeps_its_data(empty: Database, revision: str) -> None:
    chain = released()
    for step in chain[: chain.index(revision) + 1]:
        command.upgrade(alembic_config(empty.engine), step)
        with empty.engine.begin() as connection:
            for statement in SEEDS.get(step, []):
                connection.execute(text(statement))
            _advance_sequences(connection)
    assert current_revision(empty.engine) == revision
    before = snapshot(empty.engine)

    initialise(empty)  # what the program does when it opens the old file

    assert current_revision(empty.engine) == head_revision(empty.engine)
    after = snapshot(empty.engine)
    for table, rows in before.items():
        for key, row in rows.items():
            kept = after[table].get(key, {})
            assert {c: kept.get(c) for c in row} == row, f"{table} row {key} changed"
    assert len(before["org_unit"]) == 3 and len(before["worker"]) == 1  # the seeds were there
    _read_through_today(empty, revision)


def _read_through_today(db: Database, revision: str) -> None:
    worker = load_worker(db, 1)
    assert (worker.data.name, worker.data.community_id) == ("张三", 3)
    assert worker.certificate is not None and worker.certificate.level == "助理社会工作师"
    with db.reading() as session:
        assert session.scalars(select(AuditEntry.note)).first() == "建档"
    # the log written before the chain was hashed by the upgrade (0008), in id order
    assert verify_audit_log(db, Actor(None, "system", Role.ADMIN)).ok
    with db.reading() as session:
        if revision >= "0002":
            run = session.get_one(AdjustmentRun, 1)
            assert (run.status, run.yearly_cost) == ("applied", Decimal("2400.00"))
            item = session.scalars(select(AdjustmentItem)).one()
            assert (item.state_after, item.monthly_delta) == ({"level": 4}, Decimal("200.00"))
            assert worker.data.level == 4
        if revision >= "0003":
            item_row = session.get_one(PayItem, 1)
            assert (item_row.amount, item_row.period) == (Decimal("800.50"), dt.date(2021, 3, 1))
        if revision >= "0004":
            registration = session.get_one(CertificateRegistration, 1)
            assert registration.registered_date == dt.date(2020, 3, 5)
            assert session.get_one(PipelineTransition, 1).stage == "后备人选"
        if revision >= "0006":  # payslips written before 0007 take the worker's data as paid
            slip = session.scalars(select(Payslip)).one()
            assert (
                slip.name,
                slip.id_number,
                slip.street_name,
                slip.community_name,
                slip.bank_name,
                slip.bank_account,
            ) == ("张三", "11010519491231002X", "新华街道", "光明社区", "工行", "6222020000000001")
