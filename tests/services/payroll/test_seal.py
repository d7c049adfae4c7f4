"""A locked month is sealed (issue 13 §7): its payslips, count and totals hash to a digest kept on
the month and in the audit entry of the lock, and ``verify`` checks who was paid against who
should have been. Edits made behind the program's back (raw SQL) are found and named."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, text

from tests.services.payroll_support import close, community, hire, user
from workforce.domain.payroll.month_seal import SEALED_PAYSLIP_FIELDS
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.lifecycle import Verification, verify_month

MARCH = dt.date(2026, 3, 1)


def _locked_march(db: Database, admin: Actor, people: int = 3) -> list[int]:
    unit = community(db, admin)
    workers = [hire(db, admin, unit, n) for n in range(1, people + 1)]
    calculate_month(db, admin, "2026-03")
    close(db, "2026-03", user(db, "shenhe", Role.APPROVER), admin)
    return workers


def _sql(db: Database, statement: str, **values: object) -> None:
    """An edit behind the program's back (a SQL console)."""
    with db.engine.begin() as connection:
        connection.execute(text(statement), values)


def _lower_month_to_match(db: Database, worker_id: int) -> None:
    """Delete one payslip and lower the month's count and totals so they add up again."""
    with db.reading() as session:
        slip = session.scalars(select(Payslip).where(Payslip.worker_id == worker_id)).one()
        gone = {
            "gross": int(slip.gross * 100),
            "tax": int(slip.tax * 100),
            "net": int(slip.net * 100),
            "employer": int(slip.employer * 100),
        }
    _sql(db, "DELETE FROM payslip WHERE worker_id = :w", w=worker_id)
    _sql(
        db,
        "UPDATE payroll_month SET worker_count = worker_count - 1,"
        " gross_total = gross_total - :gross, tax_total = tax_total - :tax,"
        " net_total = net_total - :net, employer_total = employer_total - :employer",
        **gone,
    )


def _fields(result: Verification) -> set[str]:
    return {m.field for m in result.mismatches}


def test_a_fresh_lock_is_sealed_and_verifies(db: Database, admin: Actor) -> None:
    _locked_march(db, admin)
    with db.reading() as session:
        month = session.scalars(select(PayrollMonth)).one()
        lock = session.scalars(select(AuditEntry).where(AuditEntry.action == "lock")).one()
    assert len(month.seal) == 64
    assert lock.changes["seal"] == [None, month.seal]
    assert verify_month(db, admin, "2026-03").ok


def test_a_deleted_payslip_with_matching_totals_is_named(db: Database, admin: Actor) -> None:
    workers = _locked_march(db, admin)
    _lower_month_to_match(db, workers[1])

    result = verify_month(db, admin, "2026-03")

    assert not result.ok
    missing = [m for m in result.mismatches if m.field == "payslip"]
    assert [(m.worker_id, m.name, m.stored) for m in missing] == [(workers[1], "测试2", "缺失")]
    assert "month.seal" in _fields(result)


def test_an_extra_payslip_for_someone_not_employed_is_named(db: Database, admin: Actor) -> None:
    workers = _locked_march(db, admin, people=1)
    may = dt.date(2026, 5, 1)  # joined after March
    stranger = hire(db, admin, community(db, admin), 9, created=may, community_start_date=may)
    columns = [c.name for c in Payslip.__table__.columns if c.name not in ("id", "worker_id")]
    listed = ", ".join(columns)
    _sql(
        db,
        f"INSERT INTO payslip (worker_id, {listed}) SELECT :stranger, {listed} FROM payslip"
        " WHERE worker_id = :w",
        stranger=stranger,
        w=workers[0],
    )
    _sql(
        db,
        "UPDATE payroll_month SET worker_count = 2, gross_total = 2 * gross_total,"
        " tax_total = 2 * tax_total, net_total = 2 * net_total,"
        " employer_total = 2 * employer_total",
    )

    result = verify_month(db, admin, "2026-03")

    extra = [m for m in result.mismatches if m.field == "payslip"]
    assert [(m.worker_id, m.name, m.stored) for m in extra] == [(stranger, "测试9", "多出")]


def test_an_edited_payslip_column_breaks_the_seal(db: Database, admin: Actor) -> None:
    """``days_employed`` is not re-derived from the inputs: only the seal sees it change."""
    workers = _locked_march(db, admin)
    _sql(db, "UPDATE payslip SET days_employed = 12 WHERE worker_id = :w", w=workers[0])

    result = verify_month(db, admin, "2026-03")

    assert _fields(result) == {"month.seal"}


def test_a_resealed_month_disagrees_with_the_audit_log(db: Database, admin: Actor) -> None:
    """Editing a payslip and writing a matching digest onto the month is not enough: the lock's
    audit entry (append-only, hash-chained) keeps the digest the month was locked with."""
    workers = _locked_march(db, admin)
    _sql(db, "UPDATE payslip SET days_employed = 12 WHERE worker_id = :w", w=workers[0])
    fresh = verify_month(db, admin, "2026-03").mismatches
    derived = next(m.derived for m in fresh if m.field == "month.seal")
    _sql(db, "UPDATE payroll_month SET seal = :seal", seal=derived)

    result = verify_month(db, admin, "2026-03")

    assert _fields(result) == {"month.seal.audit"}


def test_count_and_totals_must_equal_the_payslips(db: Database, admin: Actor) -> None:
    _locked_march(db, admin)
    _sql(db, "UPDATE payroll_month SET worker_count = 4, net_total = net_total + 100")

    fields = _fields(verify_month(db, admin, "2026-03"))

    assert {"month.worker_count", "month.net_total", "month.seal"} <= fields


def test_the_seal_covers_every_payslip_column() -> None:
    """A column added to the payslip (an identity column, say) is added to the seal's list."""
    stored = {c.name for c in Payslip.__table__.columns} - {"id", "month_id"}
    assert set(SEALED_PAYSLIP_FIELDS) == stored
    assert len(SEALED_PAYSLIP_FIELDS) == len(stored)
