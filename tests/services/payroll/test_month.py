"""A payroll month end to end on both databases: calculate, recalculate with a diff, four eyes,
lock, verify (and catch a tampered payslip)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text, update

from tests.services.payroll_support import ASSISTANT, CREATED, close, community, hire, user
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.payroll.payslip_codec import lines_from_text
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import Cancelled, CancelToken
from workforce.domain.vocab import Role, WorkerStatus
from workforce.persistence.accounts import AuditEntry, Setting
from workforce.persistence.payroll import ContributionBase, PayrollMonth, Payslip
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.items import add_item
from workforce.services.payroll.lifecycle import (
    approve_month,
    lock_month,
    return_month,
    verify_month,
)
from workforce.services.roster.workers import change_status, load_worker, update_worker

D = Decimal


def _slips(db: Database, period: dt.date) -> dict[int, Payslip]:
    with db.reading() as session:
        return {
            p.worker_id: p
            for p in session.scalars(
                select(Payslip)
                .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
                .where(PayrollMonth.period == period)
            )
        }


def test_a_month_by_hand(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    staff = hire(db, admin, unit, 1, ASSISTANT, level=3)
    newcomer = hire(
        db,
        admin,
        unit,
        2,
        level=5,
        status=WorkerStatus.PROBATION.value,
        community_start_date=dt.date(2026, 3, 16),
        created=dt.date(2026, 3, 16),
    )
    leaver = hire(db, admin, unit, 3, level=12)
    change_status(db, admin, leaver, WorkerStatus.LEFT, dt.date(2026, 3, 11), "辞职")
    gone = hire(db, admin, unit, 4, level=4)
    change_status(db, admin, gone, WorkerStatus.LEFT, dt.date(2026, 2, 1), "辞职")

    result = calculate_month(db, admin, "2026-03")
    assert (result.workers, result.recalculated, result.bases_created) == (3, False, 3)
    slips = _slips(db, dt.date(2026, 3, 1))
    assert set(slips) == {staff, newcomer, leaver}

    # staff 3 with 助理社会工作师: 3,738 + 200 + 200 = 4,138; base: her first full month,
    # clamped to the floor 4,863. Individual 389.04 + 97.26 + 24.32 + 0 + 584 (583.56 → yuan).
    slip = slips[staff]
    assert [(line.name, line.amount) for line in lines_from_text(slip.lines)] == [
        ("岗位等级工资", D("3738.00")),
        ("职业资格津贴", D("200.00")),
        ("基础绩效", D("200.00")),
    ]
    assert (slip.gross, slip.insurance, slip.tax, slip.net) == (
        D("4138.00"),
        D("1094.62"),
        D("0.00"),
        D("3043.38"),
    )
    assert slip.employer == D("778.08") + D("389.04") + D("24.32") + D("9.73") + D("584.00")
    # probation from the 16th: 4,078 × 16/31 = 2,104.77, at 80% = 1,683.82; no 绩效
    assert slips[newcomer].gross == D("1683.82")
    assert slips[newcomer].status == "试用"
    # left on the 11th: 10 of 31 days of 5,267 (1,699.03) and of 200 (64.52)
    assert slips[leaver].gross == D("1763.55")
    assert slips[leaver].days_employed == 10
    with db.reading() as session:
        bases = dict(
            session.execute(select(ContributionBase.worker_id, ContributionBase.source)).all()
        )
    assert bases == {staff: "new_hire", newcomer: "new_hire", leaver: "new_hire"}


def test_recalculation_reports_whose_net_changed(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    first, second = hire(db, admin, unit, 1), hire(db, admin, unit, 2)
    calculate_month(db, admin, "2026-03")
    add_item(
        db,
        admin,
        ItemEntry(
            load_worker(db, second).data.id_number, dt.date(2026, 3, 1), "取暖补贴", D("500")
        ),
    )
    with db.reading() as session:
        month = session.scalars(select(PayrollMonth)).one()
    assert month.status == "draft"  # the item made the calculation stale
    again = calculate_month(db, admin, "2026-03")
    assert again.recalculated and again.items == 1
    assert [(c.worker_id, c.after - c.before) for c in again.changes] == [  # type: ignore[operator]
        (second, D("500.00"))
    ]
    assert first not in {c.worker_id for c in again.changes}


def test_recalculation_rewrites_only_the_payslips_that_changed(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    first, second = hire(db, admin, unit, 1), hire(db, admin, unit, 2)
    calculate_month(db, admin, "2026-03")
    slips = _slips(db, dt.date(2026, 3, 1))
    entry = ItemEntry(
        load_worker(db, second).data.id_number, dt.date(2026, 3, 1), "取暖补贴", D(500)
    )
    add_item(db, admin, entry)
    calculate_month(db, admin, "2026-03")
    again = _slips(db, dt.date(2026, 3, 1))
    assert again[first].id == slips[first].id  # unchanged: kept (PostgreSQL never reuses an id)
    assert again[second].gross == slips[second].gross + D("500.00")
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Payslip)) == 2


def test_recalculation_keeps_the_bases_it_settles_alike(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    same, corrected = hire(db, admin, unit, 1, level=12), hire(db, admin, unit, 2, level=12)
    calculate_month(db, admin, "2026-01")
    marked = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    with db.transaction() as session:  # a mark the row keeps only if it is not written again
        session.execute(update(ContributionBase).values(updated_at=marked))
    file = load_worker(db, corrected)
    update_worker(db, admin, corrected, replace(file.data, level=11), file.version, today=CREATED)
    again = calculate_month(db, admin, "2026-01")
    assert again.bases_created == 2  # both settled again …
    with db.reading() as session:
        rows = session.scalars(select(ContributionBase)).all()
        # (SQLite reads a time back without its zone: it was written in UTC)
        stamps = {b.worker_id: b.updated_at for b in rows}
        kept = {
            w: (t if t.tzinfo else t.replace(tzinfo=dt.UTC)) == marked for w, t in stamps.items()
        }
        bases = {b.worker_id: (b.base, b.source, kept[b.worker_id]) for b in rows}
    assert bases == {
        same: (D("5467.00"), "new_hire", True),  # … the unchanged one kept as it was
        corrected: (D("5298.00"), "new_hire", False),  # 5,098 + 200
    }


def test_a_cancelled_calculation_writes_nothing(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    hire(db, admin, unit, 1)
    hire(db, admin, unit, 2)
    token = CancelToken()
    token.cancel()  # seen while the payslips are computed: the bases are being written then
    with pytest.raises(Cancelled):
        calculate_month(db, admin, "2026-01", cancel=token)
    with db.reading() as session:
        for table in (PayrollMonth, Payslip, ContributionBase):
            assert session.scalar(select(func.count()).select_from(table)) == 0
    assert calculate_month(db, admin, "2026-01").bases_created == 2


def test_four_eyes_lock_and_verify(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    hire(db, admin, unit, 1, ASSISTANT)
    hire(db, admin, unit, 2, level=9)
    clerk = user(db, "luru", Role.CLERK)
    approver = user(db, "shenhe", Role.APPROVER)
    finance = user(db, "caiwu", Role.FINANCE)
    with pytest.raises(ActionRefused, match="无权"):
        calculate_month(db, finance, "2026-03")
    calculate_month(db, clerk, "2026-03")
    with pytest.raises(ActionRefused, match="无权"):
        approve_month(db, clerk, "2026-03")
    with pytest.raises(ActionRefused, match="只有已审核"):
        lock_month(db, finance, "2026-03")
    approve_month(db, approver, "2026-03")
    return_month(db, approver, "2026-03", "核对补贴")
    with pytest.raises(ActionRefused, match="请先重新计算"):
        approve_month(db, approver, "2026-03")
    calculate_month(db, admin, "2026-03")
    with pytest.raises(ActionRefused, match="双人复核"):
        approve_month(db, admin, "2026-03")
    with db.transaction() as session:
        session.add(Setting(key="allow_single_user_approval", value=True))
    approve_month(db, admin, "2026-03")
    with pytest.raises(ActionRefused, match="无权"):
        lock_month(db, clerk, "2026-03")
    lock_month(db, finance, "2026-03")
    with db.reading() as session:
        month = session.scalars(select(PayrollMonth)).one()
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "payroll_month")
        ).all()
        notes = session.scalars(select(AuditEntry.note).where(AuditEntry.action == "approve")).all()
    assert (month.status, month.locked_by, month.approved_by) == (
        "locked",
        finance.user_id,
        admin.user_id,
    )
    assert actions == [
        "calculate",
        "approve",
        "invalidate",
        "calculate",
        "approve",
        "lock",
    ]
    assert notes[-1].startswith("单人审批（本地区允许）")
    verification = verify_month(db, finance, "2026-03")
    assert verification.ok and verification.checked == 2


def test_approval_refuses_a_month_whose_inputs_changed(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1)
    calculate_month(db, admin, "2026-03")
    change_status(db, admin, worker, WorkerStatus.LEFT, dt.date(2026, 3, 20), "辞职")
    with pytest.raises(ActionRefused, match="1人的工资数据发生变化"):
        approve_month(db, user(db, "shenhe", Role.APPROVER), "2026-03")


def test_verify_detects_a_tampered_payslip(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1)
    hire(db, admin, unit, 2)
    calculate_month(db, admin, "2026-03")
    close(db, "2026-03", user(db, "shenhe", Role.APPROVER), admin)
    assert verify_month(db, admin, "2026-03").ok
    with db.transaction() as session:  # someone edits the database behind the program's back
        session.execute(
            update(Payslip).where(Payslip.worker_id == worker).values(net=Payslip.net + 1)
        )
    found = verify_month(db, admin, "2026-03").mismatches
    assert {(m.worker_id, m.field) for m in found} == {
        (worker, "net"),
        (None, "month.net_total"),
        (None, "month.seal"),  # the digest taken at the lock
    }
    with db.transaction() as session:
        session.execute(
            update(Payslip)
            .where(Payslip.worker_id == worker)
            .values(
                net=Payslip.net - 1,
                inputs=func.replace(
                    Payslip.inputs, '"contribution_base":"4863.00"', '"contribution_base":"6000.00"'
                ),
            )
        )
        changed = session.execute(
            text("SELECT inputs FROM payslip WHERE worker_id = :w"), {"w": worker}
        )
        assert "6000.00" in changed.scalar_one()
    fields = {m.field for m in verify_month(db, admin, "2026-03").mismatches}
    assert {"inputs_hash", "insurance", "net", "employer"} <= fields


def test_a_new_hires_base_follows_corrections_until_a_month_is_locked(
    db: Database, admin: Actor
) -> None:
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1, level=12)  # 5,267 + 200 = 5,467 > the floor
    calculate_month(db, admin, "2026-01")
    file = load_worker(db, worker)
    fixed = replace(file.data, level=11)  # a typo fixed, from the start
    update_worker(db, admin, worker, fixed, file.version, today=CREATED)
    calculate_month(db, admin, "2026-01")
    with db.reading() as session:
        base = session.scalars(select(ContributionBase)).one()
    assert (base.base, base.source) == (D("5298.00"), "new_hire")  # 5,098 + 200
    close(db, "2026-01", user(db, "shenhe", Role.APPROVER), admin)
    file = load_worker(db, worker)
    promoted = replace(file.data, level=12)
    update_worker(db, admin, worker, promoted, file.version, today=dt.date(2026, 2, 1))
    calculate_month(db, admin, "2026-02")  # the base of the year stays as January settled it
    with db.reading() as session:
        assert session.scalars(select(ContributionBase.base)).all() == [D("5298.00")]
