"""The finance workbook and the bank file (§9): totals equal the payslips, read from the cached
values as a program that does not recalculate sees them; print set-up as finance needs it."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from reports.payroll.bank_file import LAYOUTS, write_bank_file
from reports.payroll.month_xlsx import SUMMARY, sheet_name, write_payroll_workbook
from tests.services.payroll_support import ASSISTANT, adopted_in, community, hire, user
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.vocab import Role
from workforce.persistence.payroll import PayrollMonth
from workforce.services.context import Actor, Database
from workforce.services.payroll.bank import BankRow, BankView, bank_view
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.items import add_items
from workforce.services.payroll.views import (
    MonthHeader,
    PayrollRow,
    PayrollWorkbookView,
    StreetRows,
    payroll_workbook_view,
)
from workforce.services.roster.workers import load_worker

D = Decimal
MARCH = dt.date(2026, 3, 1)
HEADER = MonthHeader(MARCH, "2026年3月", "示范地区", "locked", "已锁定", 0, "", "", "")


def _cached(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path, data_only=True)


def _total_row(sheet: object) -> tuple[object, ...]:
    rows = list(sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]
    return next(r for r in rows if r[0] == "合计")


def test_workbook_of_a_calculated_month(db: Database, admin: Actor, tmp_path: Path) -> None:
    north = community(db, admin, "新华街道", "光明社区")
    south = community(db, admin, "锡林街道", "团结社区")
    ids = [hire(db, admin, north, 1, ASSISTANT), hire(db, admin, north, 2, level=9)]
    ids.append(hire(db, admin, south, 3, level=12, duties="一肩挑"))
    number = load_worker(db, ids[2]).data.id_number
    add_items(
        db,
        admin,
        [
            ItemEntry(number, MARCH, "取暖补贴", D("800"), taxable=False),
            ItemEntry(number, MARCH, "扣款", D("-100"), after_tax=True),
        ],
    )
    adopted_in(db, admin, "2026-03")  # the program starts in March
    calculate_month(db, admin, "2026-03")
    view = payroll_workbook_view(db, user(db, "caiwu", Role.FINANCE), MARCH, tax_columns=True)
    path = tmp_path / "工资.xlsx"
    write_payroll_workbook(path, view)

    with db.reading() as session:
        month = session.query(PayrollMonth).one()
    book = _cached(path)
    assert book.sheetnames == [SUMMARY, "新华街道", "锡林街道"]
    summary = book[SUMMARY]
    header = [c.value for c in summary[3]]
    totals = dict(zip(header, _total_row(summary), strict=True))
    assert totals["人数"] == 3
    assert D(str(totals["应发合计"])) == month.gross_total
    assert D(str(totals["实发合计"])) == month.net_total
    assert D(str(totals["个人所得税"])) == month.tax_total
    assert D(str(totals["单位缴费合计"])) == month.employer_total
    assert D(str(totals["人工成本合计"])) == month.gross_total + month.employer_total
    assert D(str(totals["其他"])) == D("100.00")

    south_sheet = book["锡林街道"]
    columns = [c.value for c in south_sheet[4]]
    row = dict(zip(columns, [c.value for c in south_sheet[5]], strict=True))
    assert row["身份证号"] == number[:6] + "********" + number[14:]
    assert (row["一肩挑津贴"], row["取暖补贴"], row["等级"]) == (300, 800, 12)
    assert "税率" in columns and south_sheet.freeze_panes == "E5"
    assert south_sheet.auto_filter.ref == f"A4:{get_column_letter(len(columns))}5"
    assert south_sheet.print_title_rows == "$3:$4"  # the title is in the page header
    assert "锡林街道" in south_sheet.oddHeader.center.text
    assert south_sheet.page_setup.orientation == "landscape"
    assert south_sheet.page_setup.paperSize == 9
    # printed at 85% (10-pt text at 8.5 pt), the columns split over pages, 序号…姓名 on each
    assert south_sheet.page_setup.scale == 85
    assert not south_sheet.sheet_properties.pageSetUpPr.fitToPage
    assert south_sheet.print_title_cols == "$A:$D"
    assert south_sheet.page_setup.pageOrder == "overThenDown"
    assert book[SUMMARY].print_title_cols == "$A:$B"  # the summary likewise: 序号, 街道
    footer = south_sheet.oddFooter
    assert "制表人" in footer.left.text and "单位负责人" in footer.left.text
    assert "2026年3月" in footer.center.text
    # not approved: 草稿（未审核） in every title and page header
    assert str(south_sheet["A1"].value).startswith("草稿（未审核）")
    assert str(summary["A1"].value).startswith("草稿（未审核）")
    assert "草稿（未审核）" in south_sheet.oddHeader.center.text
    gross = get_column_letter(columns.index("应发合计") + 1)
    formulas = openpyxl.load_workbook(path)["锡林街道"]
    assert formulas[f"{gross}6"].value == f"=SUM({gross}5:{gross}5)"


amount = st.integers(min_value=0, max_value=2_000_000).map(lambda fen: D(fen).scaleb(-2))


@st.composite
def payroll_rows(draw: st.DrawFn) -> PayrollRow:
    scale, item = draw(amount), draw(amount)
    pension, fund = draw(amount), draw(amount)
    tax, other = draw(amount), draw(amount)
    employer = (draw(amount), draw(amount))
    gross = scale + item
    deductions = pension + fund + tax + other
    return PayrollRow(
        draw(st.sampled_from(["新华街道", "锡林街道", "A/B:街道*"])),
        "光明社区",
        "张三",
        "150102********0036",
        "其他社区工作者",
        3,
        "社区工作者",
        (scale, item),
        gross,
        (pension, fund),
        tax,
        other,
        deductions,
        gross - deductions,
        employer,
        sum(employer, D(0)),
        gross + sum(employer, D(0)),
        (),
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(payroll_rows(), min_size=1, max_size=30))
def test_workbook_totals_equal_the_payslips(tmp_path: Path, rows: list[PayrollRow]) -> None:
    streets: dict[str, list[PayrollRow]] = {}
    for row in rows:
        streets.setdefault(row.street, []).append(row)
    view = PayrollWorkbookView(
        HEADER,
        ("岗位等级工资", "取暖补贴"),
        ("养老", "公积金"),
        ("养老", "公积金"),
        (),
        tuple(StreetRows(name, tuple(r)) for name, r in streets.items()),
    )
    path = tmp_path / "p.xlsx"
    write_payroll_workbook(path, view)
    book = _cached(path)
    summary = book[SUMMARY]
    header = [c.value for c in summary[3]]
    totals = dict(zip(header, _total_row(summary), strict=True))
    assert totals["人数"] == len(rows)
    for title, field in (("应发合计", "gross"), ("实发合计", "net"), ("扣款合计", "deductions")):
        assert D(str(totals[title])) == sum((getattr(r, field) for r in rows), D(0))
    taken: set[str] = {SUMMARY}
    for name, street_rows in streets.items():
        sheet = book[sheet_name(name, taken)]
        columns = [c.value for c in sheet[4]]
        street_totals = dict(zip(columns, _total_row(sheet), strict=False))
        expected = sum((r.net for r in street_rows), D(0))
        assert D(str(street_totals["实发合计"])) == expected


def _bank_view(rows: list[BankRow]) -> BankView:
    return BankView(HEADER, "2026年3月工资", tuple(rows), sum((r.amount for r in rows), D(0)), ())


bank_rows = st.lists(
    st.builds(
        BankRow,
        st.sampled_from(["张三", "李四"]),
        st.from_regex(r"62[0-9]{14,17}", fullmatch=True),
        st.just("11010519491231002X"),
        st.just("工商银行新华支行"),
        st.integers(min_value=1, max_value=5_000_000).map(lambda fen: D(fen).scaleb(-2)),
    ),
    min_size=1,
    max_size=40,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(bank_rows)
def test_bank_file_total_equals_the_sum_of_net_pay(tmp_path: Path, rows: list[BankRow]) -> None:
    view = _bank_view(rows)
    expected = sum((r.amount for r in rows), D(0))
    xlsx = tmp_path / "bank.xlsx"
    write_bank_file(xlsx, view)
    sheet = _cached(xlsx).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[2][0] == f"总笔数：{len(rows)}　总金额：{expected:.2f}"
    total = next(r for r in values if r[0] == "合计")
    assert D(str(total[5])) == expected
    assert [r[2] for r in values[4:-1]] == [r.account for r in rows]  # accounts stay text
    path = tmp_path / "bank.csv"
    write_bank_file(path, view, "csv")
    with path.open(encoding=LAYOUTS["csv"].encoding, newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["总笔数", str(len(rows)), "总金额", f"{expected:.2f}"]
    assert sum((D(line[2]) for line in lines[1:]), D(0)) == expected


def test_bank_view_lists_missing_accounts_and_matches_net(db: Database, admin: Actor) -> None:
    """Before the lock the bank file follows the worker's file: an account added after approval
    takes the worker off the 另行发放/未发放 list and into the file."""
    unit = community(db, admin)
    with_account = hire(db, admin, unit, 1, bank_account="6222020000000001", bank_name="工行")
    without = hire(db, admin, unit, 2)
    adopted_in(db, admin, "2026-03")  # the program starts in March
    calculate_month(db, admin, "2026-03")
    from workforce.domain.problems import ActionRefused
    from workforce.services.payroll.lifecycle import approve_month

    with pytest.raises(ActionRefused, match="尚未审核"):
        bank_view(db, admin, MARCH)
    warned = approve_month(db, user(db, "shenhe", Role.APPROVER), "2026-03")
    assert [(u.name, u.reason) for u in warned] == [("测试2", "无银行账号")]
    view = bank_view(db, admin, MARCH)
    assert len(view.rows) == 1 and [u.name for u in view.unpaid] == ["测试2"]
    assert view.total + view.unpaid_total == view.net_total
    from workforce.services.roster.workers import update_worker

    file = load_worker(db, without)
    update_worker(
        db, admin, without, replace(file.data, bank_account="6222020000000002"), file.version
    )
    view = bank_view(db, admin, MARCH)
    with db.reading() as session:
        month = session.query(PayrollMonth).one()
    assert view.total == month.net_total and len(view.rows) == 2 and not view.unpaid
    assert view.rows[0].account_name == load_worker(db, with_account).data.name
