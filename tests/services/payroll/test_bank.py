"""People not paid through the bank (§8.6): approval names them, the bank file exists only for
an approved or locked month and always comes with its 另行发放/未发放 list (a sheet of the .xlsx,
a file beside the .csv), Σ bank file + Σ list = Σ 实发 of the workbook to the fen; an account
added after the lock reaches the list's people only through an audited re-issue."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from reports.payroll.bank_file import unpaid_path, write_bank_file
from reports.payroll.month_xlsx import write_payroll_workbook
from tests.services.payroll_support import adopted_in, community, hire, user
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.payroll import PayReissue, PayrollMonth
from workforce.services.context import Actor, Database
from workforce.services.payroll.bank import bank_view, reissue_transfers
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.lifecycle import approve_month, lock_month, verify_month
from workforce.services.payroll.views import payroll_workbook_view
from workforce.services.roster.workers import load_worker, update_worker

D = Decimal
MARCH = dt.date(2026, 3, 1)


def _workbook_net(db: Database, actor: Actor, path: Path) -> Decimal:
    write_payroll_workbook(path, payroll_workbook_view(db, actor, MARCH))
    summary = openpyxl.load_workbook(path, data_only=True)["汇总"]  # the stored totals
    rows = list(summary.iter_rows(values_only=True))
    total = next(r for r in rows if r[0] == "合计")
    return D(str(dict(zip(rows[2], total, strict=True))["实发合计"])).quantize(D("0.01"))


def _give_account(db: Database, actor: Actor, worker_id: int, account: str) -> None:
    file = load_worker(db, worker_id)
    update_worker(db, actor, worker_id, replace(file.data, bank_account=account), file.version)


def test_the_bank_file_and_its_list_add_up_to_the_workbook(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    unit = community(db, admin)
    for n in range(1, 4):
        hire(db, admin, unit, n, bank_account=f"62220200000000{n:02d}", bank_name="工行")
    hire(db, admin, unit, 4, level=7)  # no account
    hire(db, admin, unit, 5, bank_account="6222-0200-XX", bank_name="工行")
    adopted_in(db, admin, "2026-03")
    calculate_month(db, admin, "2026-03")

    with pytest.raises(ActionRefused, match="尚未审核"):  # nothing leaves before approval
        bank_view(db, admin, MARCH)
    warned = approve_month(db, user(db, "shenhe", Role.APPROVER), "2026-03")
    assert [(u.name, u.community, u.reason) for u in warned] == [
        ("测试4", "光明社区", "无银行账号"),
        ("测试5", "光明社区", "账号无效（应为12–30位数字）"),
    ]
    with db.reading() as session:
        note = session.scalars(select(AuditEntry.note).where(AuditEntry.action == "approve")).one()
    assert "不经银行代发2人" in note

    view = bank_view(db, admin, MARCH)
    workbook_net = _workbook_net(db, admin, tmp_path / "工资.xlsx")
    assert len(view.rows) == 3 and [u.name for u in view.unpaid] == ["测试4", "测试5"]
    assert view.total + view.unpaid_total == view.net_total == workbook_net  # to the fen

    xlsx = tmp_path / "代发.xlsx"
    write_bank_file(xlsx, view, "default")
    book = openpyxl.load_workbook(xlsx, data_only=True)
    assert book.sheetnames == ["代发明细", "另行发放未发放"]
    listed = list(book["另行发放未发放"].iter_rows(min_row=3, values_only=True))
    assert [(r[3], r[6]) for r in listed[:-1]] == [(u.name, u.reason) for u in view.unpaid]
    assert D(str(listed[-1][5])).quantize(D("0.01")) == view.unpaid_total  # its 合计
    sheet = book["代发明细"]
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$4"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and "&N" in sheet.oddFooter.right.text

    csv_out = tmp_path / "代发.csv"
    layout = write_bank_file(csv_out, view, "csv")
    with unpaid_path(csv_out).open(encoding=layout.encoding, newline="") as handle:
        lines = list(csv.reader(handle))
    assert [line[3] for line in lines[2:-1]] == ["测试4", "测试5"]
    assert D(lines[-1][5]) == view.unpaid_total
    paid = D(csv_out.read_text(layout.encoding).splitlines()[0].split(",")[3])
    assert paid + D(lines[-1][5]) == workbook_net


def test_an_account_added_after_the_lock_is_used_only_by_a_reissue(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    unit = community(db, admin)
    hire(db, admin, unit, 1, bank_account="6222020000000001", bank_name="工行")
    late = hire(db, admin, unit, 2, bank_name="工行")
    adopted_in(db, admin, "2026-03")
    calculate_month(db, admin, "2026-03")
    approve_month(db, user(db, "shenhe", Role.APPROVER), "2026-03")
    with pytest.raises(ActionRefused, match="只用于已锁定"):  # before the lock: the file itself
        reissue_transfers(db, admin, MARCH)
    finance = user(db, "caiwu", Role.FINANCE)
    lock_month(db, finance, "2026-03")
    with db.reading() as session:
        seal = session.scalars(select(PayrollMonth.seal)).one()
    with pytest.raises(ActionRefused, match="仍无有效银行账号"):
        reissue_transfers(db, finance, MARCH)

    _give_account(db, admin, late, "6222020000000002")
    before = bank_view(db, admin, MARCH)  # the locked month pays as paid: still on the list
    assert [u.name for u in before.unpaid] == ["测试2"] and len(before.rows) == 1

    again = reissue_transfers(db, finance, MARCH)
    assert [(r.account, r.amount) for r in again.rows] == [
        ("6222020000000002", before.unpaid[0].amount)
    ]
    with db.reading() as session:
        assert session.scalars(select(PayReissue.worker_id)).all() == [late]
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "reissue")).one()
        assert entry.entity == "payroll_month" and "补发代发1人" in entry.note
        assert session.scalars(select(PayrollMonth.seal)).one() == seal
    with pytest.raises(ActionRefused, match="没有待补发"):  # never twice
        reissue_transfers(db, finance, MARCH)

    after = bank_view(db, admin, MARCH)  # the month itself is as it was, its list says so
    assert after.rows == before.rows and after.total + after.unpaid_total == after.net_total
    assert after.unpaid[0].reissued.startswith("已补发")
    assert verify_month(db, admin, MARCH).ok  # the seal still verifies
