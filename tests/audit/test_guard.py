"""The audit guard itself: it catches an unaudited write, an audit-log edit, and lets audited
work and test set-up through."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text, update

from tests.audit_guard import WATCHED, AuditGuard, AuditGuardError, parse_write
from workforce.persistence.accounts import AuditEntry, Setting
from workforce.persistence.org import OrgUnit
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database
from workforce.services.roster.org import create_unit, rename_unit


def test_parse_write_names_verb_and_table() -> None:
    assert parse_write('INSERT INTO "worker" (id) VALUES (1)') == ("INSERT", "worker")
    assert parse_write("  update audit_log SET note='x'") == ("UPDATE", "audit_log")
    assert parse_write("DELETE FROM pay_item WHERE id = 1") == ("DELETE", "pay_item")
    assert parse_write("INSERT OR REPLACE INTO setting VALUES (1)") == ("INSERT", "setting")
    assert parse_write("SELECT * FROM worker") is None


def test_people_pay_and_configuration_are_watched() -> None:
    assert {"worker", "payslip", "pay_scale", "setting", "app_user", "org_unit"} <= WATCHED
    assert "audit_log" not in WATCHED


def test_a_service_that_skips_its_audit_record_is_refused(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch, _audit_guard: AuditGuard
) -> None:
    """The suite-wide guard, not a copy: drop rename_unit's audit call and its commit fails."""
    unit = create_unit(db, admin, None, "district", "二区")
    monkeypatch.setattr(audit, "record", lambda *args, **kwargs: None)
    where = r"UPDATE org_unit from workforce/services/roster/org\.py"
    with pytest.raises(AuditGuardError, match=where):
        rename_unit(db, admin, unit, "三区")
    assert _audit_guard.violations
    _audit_guard.violations.clear()  # seen and expected here
    with db.reading() as session:
        assert session.get_one(OrgUnit, unit).name == "二区"  # nothing was written


def test_program_writes_and_audit_edits_under_a_local_guard(db: Database, admin: Actor) -> None:
    """A guard that counts this file as the program: unaudited commit and log edits fail."""
    guard = AuditGuard(program_roots=[__file__])
    guard.install(db.engine)
    try:
        with (
            pytest.raises(AuditGuardError, match="without an audit record: INSERT setting"),
            db.transaction() as session,
        ):
            session.add(Setting(key="guard_test", value=1))
        with db.transaction() as session:  # the same write, audited, passes
            session.add(Setting(key="guard_test", value=1))
            audit.record(session, admin, "create", "setting", None, {"guard_test": (None, 1)})
        with (
            pytest.raises(AuditGuardError, match="UPDATE of audit_log"),
            db.transaction() as session,
        ):
            session.execute(update(AuditEntry).values(note="改过"))
        with (
            pytest.raises(AuditGuardError, match="DELETE of audit_log"),
            db.transaction() as session,
        ):
            session.execute(text("DELETE FROM audit_log"))
        with db.transaction() as session:  # reading is never a problem
            session.scalar(select(Setting.value).where(Setting.key == "guard_test"))
    finally:
        guard.remove(db.engine)
    assert len(guard.violations) == 3


def test_first_install_is_exempt_but_filling_in_missing_defaults_is_audited(db: Database) -> None:
    from workforce.services.system.setup import initialise

    key = "probation_share"
    with db.transaction() as session:  # an older installation that lacks one default setting
        session.delete(session.get_one(Setting, key))
    initialise(db)
    with db.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "install_defaults")
        ).one()
    assert (entry.username, entry.user_id, entry.entity) == ("system", None, "setting")
    assert key in entry.changes and entry.changes[key][0] is None
