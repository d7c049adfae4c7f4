"""The pay slip and yearly tax summary read models on both databases: a slip is its stored
payslip (Σ lines = gross, net = gross − deductions), the year adds up each month's withholding."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.payroll_support import ASSISTANT, close, community, hire, user
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.persistence.people import Worker
from workforce.services.context import Actor, Database
from workforce.services.payroll.bases import override_base
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.deductions import declare_deduction
from workforce.services.payroll.items import add_items
from workforce.services.payroll.slips import payslips_view, tax_summary_view
from workforce.services.roster.workers import load_worker

D = Decimal
MARCH = dt.date(2026, 3, 1)


def _stored(db: Database) -> dict[str, Payslip]:
    with db.reading() as session:
        rows = session.execute(
            select(Worker.name, Payslip)
            .join(Worker, Worker.id == Payslip.worker_id)
            .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
            .where(PayrollMonth.period == MARCH)
        ).all()
    return {name: slip for name, slip in rows}


def test_slips_of_a_calculated_month_are_its_payslips(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    other = community(db, admin, "新华街道", "和平社区")
    first = hire(db, admin, unit, 1, ASSISTANT, level=3, name="张三")
    hire(db, admin, unit, 2, level=8, name="李四")
    hire(db, admin, other, 3, level=5, name="王五")
    id_number = load_worker(db, first).data.id_number
    add_items(
        db,
        admin,
        [
            ItemEntry(id_number, MARCH, "取暖补贴", D("500")),
            ItemEntry(id_number, MARCH, "工会会费", D("-30"), after_tax=True),
        ],
    )
    with pytest.raises(ActionRefused, match="尚未计算"):
        payslips_view(db, admin, MARCH)
    calculate_month(db, admin, "2026-03")

    view = payslips_view(db, admin, MARCH)
    stored = _stored(db)
    assert [s.name for s in view.slips] == ["张三", "李四", "王五"]
    for slip in view.slips:
        row = stored[slip.name]
        assert sum((amount for _, amount in slip.earnings), D(0)) == slip.gross == row.gross
        assert sum((amount for _, amount in slip.insurance), D(0)) == row.insurance
        assert slip.tax == row.tax
        assert sum((amount for _, amount in slip.after_tax), D(0)) == row.after_tax
        assert slip.deductions == row.insurance + row.tax + row.after_tax
        assert slip.net == slip.gross - slip.deductions == row.net
        assert "*" in slip.id_number  # masked by default
        figures = dict(slip.tax_figures)
        assert figures["累计收入"] == row.cum_income
        assert figures["累计应纳税所得额"] == row.cum_taxable
    zhang = view.slips[0]
    assert ("取暖补贴", D("500.00")) in zhang.earnings
    assert zhang.after_tax == (("工会会费", D("30.00")),)
    assert [name for name, _ in zhang.insurance] == ["养老", "医疗", "失业", "公积金"]

    only = payslips_view(db, admin, MARCH, unit="和平社区")
    assert [s.name for s in only.slips] == ["王五"]
    with pytest.raises(ActionRefused, match="没有「幸福社区」"):
        payslips_view(db, admin, MARCH, unit="幸福社区")


def test_tax_summary_of_the_published_example(db: Database, admin: Actor) -> None:
    """30,000 a month, 三险一金 4,500, special deductions 2,000: 555, 625, 1,850 (§8.3)."""
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1, level=3, name="赵六")
    hire(db, admin, unit, 2, level=4, name="钱七")
    id_number = load_worker(db, worker).data.id_number
    add_items(
        db,
        admin,
        [ItemEntry(id_number, dt.date(2026, m, 1), "岗位补贴", D("26062")) for m in (1, 2, 3, 4)],
    )
    override_base(db, admin, worker, 2026, "20000", "按社保核定基数")
    declare_deduction(db, admin, worker, "赡养老人", "2000", dt.date(2026, 1, 1))
    approver = user(db, "shenhe", Role.APPROVER)
    for period in ("2026-01", "2026-02", "2026-03"):
        calculate_month(db, admin, period)
        close(db, period, approver, admin)
    calculate_month(db, admin, "2026-04")
    add_items(db, admin, [ItemEntry(id_number, dt.date(2026, 4, 1), "补贴", D("1"))])  # stale

    view = tax_summary_view(db, admin, 2026)
    assert [m for m, _ in view.months] == [1, 2, 3]
    assert view.skipped == (4,)
    zhao = next(w for w in view.workers if w.name == "赵六")
    assert [(m.month, m.withholding) for m in zhao.months] == [
        (1, D("555.00")),
        (2, D("625.00")),
        (3, D("1850.00")),
    ]
    assert zhao.total("withholding") == D("3030.00")
    assert zhao.total("income") == D("90000.00")
    assert zhao.total("insurance") == D("13500.00")
    assert zhao.total("special") == D("6000.00")
    assert zhao.cum_taxable == D("90000") - D("15000") - D("13500") - D("6000")
    with pytest.raises(ActionRefused, match="2025年没有"):
        tax_summary_view(db, admin, 2025)
