"""The payroll commands end to end on a SQLite file: items import, run, approve by a second user,
lock, verify, export, bank, and one-line refusals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import update

from tests.cli.test_cli_adjust import Cli
from tests.services.payroll_support import adopted_in, community, hire, user
from workforce.domain.vocab import Role
from workforce.persistence.payroll import Payslip
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database
from workforce.services.roster.workers import load_worker


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    return tool


def _seed(path: Path) -> list[str]:
    db = Database.open(str(path))
    try:
        admin = actor_for(db)
        unit = community(db, admin)
        ids = [
            hire(db, admin, unit, n, bank_account=f"62220200000000{n:02d}", bank_name="工行")
            for n in (1, 2)
        ]
        user(db, "shenhe", Role.APPROVER)
        user(db, "caiwu", Role.FINANCE)
        return [load_worker(db, i).data.id_number for i in ids]
    finally:
        db.close()


def adopt(path: Path, period: str = "2026-03") -> None:
    """The database's district starts the program in ``period`` (zero opening figures)."""
    db = Database.open(str(path))
    try:
        adopted_in(db, actor_for(db), period)
    finally:
        db.close()


def test_a_month_from_items_to_the_bank(cli: Cli, tmp_path: Path) -> None:
    numbers = _seed(cli.path)
    adopt(cli.path)
    sheet = tmp_path / "items.xlsx"
    book = openpyxl.Workbook()
    rows = [
        ["身份证号", "姓名", "项目名称", "金额", "是否计税", "备注"],
        [numbers[0], "测试1", "取暖补贴", 800, "否", ""],
        [numbers[1], "测试2", "加班补贴", "150.50", "是", "三月"],
    ]
    for values in rows:
        book.active.append(values)
    book.save(sheet)
    status, _, err = cli.run("payroll", "items", "import", str(sheet), "--month", "2026-03")
    assert status == 0, err
    assert "已导入 2 条工资项目（2026年3月），金额合计 950.50" in err

    document = cli.json("payroll", "run", "--month", "2026-03", "--json")
    assert (document["workers"], document["items"]) == (2, 2)
    assert document["gross"] == "8826.50"  # 2 × (3,738 + 200) + 800 + 150.50
    assert "双人复核" in cli.refused("payroll", "approve", "--month", "2026-03")
    assert "只有已审核" in cli.refused("payroll", "lock", "--month", "2026-03", "--user", "caiwu")
    assert cli.run("payroll", "approve", "--month", "2026-03", "--user", "shenhe")[0] == 0
    assert cli.run("payroll", "lock", "--month", "2026-03", "--user", "caiwu")[0] == 0
    assert "已锁定" in cli.refused("payroll", "run", "--month", "2026-03")

    verified = cli.json("payroll", "verify", "--month", "2026-03", "--json")
    assert verified["ok"] and verified["checked"] == 2

    out = tmp_path / "工资.xlsx"
    assert cli.run("payroll", "export", "--month", "2026-03", str(out))[0] == 0
    summary = openpyxl.load_workbook(out, data_only=True)["汇总"]
    total = next(r for r in summary.iter_rows(values_only=True) if r[0] == "合计")
    assert Decimal(str(total[-3])) == Decimal(document["net"])  # 实发合计, cached

    bank = tmp_path / "bank.csv"
    status, _, err = cli.run("payroll", "bank", "--month", "2026-03", str(bank), "--layout", "csv")
    assert status == 0, err
    assert f"合计 {Decimal(document['net']):,.2f}" in err
    assert bank.read_text("gb18030").splitlines()[0] == f"总笔数,2,总金额,{document['net']}"
    assert "没有名为「icbc」" in cli.refused(
        "payroll", "bank", "--month", "2026-03", str(bank), "--layout", "icbc"
    )
    # the layout from the extension: .csv → the csv layout, its 另行发放/未发放 list beside it
    by_extension = tmp_path / "代发.csv"
    status, _, err = cli.run("payroll", "bank", "--month", "2026-03", str(by_extension))
    assert status == 0, err
    assert by_extension.read_bytes() == bank.read_bytes()
    assert (tmp_path / "代发_另行发放未发放.csv").exists()
    assert "另行发放/未发放 0 人，合计 0.00" in err
    assert f"＝ 实发合计 {Decimal(document['net']):,.2f}" in err
    assert ".csv" in cli.refused(
        "payroll", "bank", "--month", "2026-03", str(tmp_path / "b.xlsx"), "--layout", "csv"
    )


def test_refusals_are_one_line(cli: Cli, tmp_path: Path) -> None:
    _seed(cli.path)
    adopt(cli.path)
    assert "YYYY-MM" in cli.refused("payroll", "run", "--month", "2026-13")
    assert "尚未计算" in cli.refused("payroll", "approve", "--month", "2026-03")
    assert "不存在" in cli.refused("payroll", "items", "import", str(tmp_path / "none.xlsx"))
    cli.run("payroll", "run", "--month", "2026-03")
    db = Database.open(str(cli.path))
    with db.transaction() as session:
        session.execute(update(Payslip).values(net=Payslip.net + 1))
    db.close()
    status, out, err = cli.run("payroll", "verify", "--month", "2026-03")
    assert status == 1 and out == ""
    assert "发现 3 处不一致" in err  # two payslips and the month's total
    assert err.strip().splitlines()[-1] == "错误：2026年3月工资核对未通过"


def test_bases_and_deductions(cli: Cli) -> None:
    numbers = _seed(cli.path)
    status, _, err = cli.run(
        "payroll",
        "bases",
        "set",
        numbers[0],
        "--year",
        "2026",
        "--base",
        "6000",
        "--reason",
        "核定",
    )
    assert status == 0, err
    status, _, err = cli.run(
        "payroll",
        "deduction",
        "add",
        numbers[0],
        "--kind",
        "住房租金",
        "--amount",
        "1500",
        "--from",
        "2026-01",
    )
    assert status == 0, err
    # Outside the floor and ceiling: clamped with a warning, as the bases import does (§8.2).
    status, _, err = cli.run(
        "payroll", "bases", "set", numbers[1], "--year", "2026", "--base", "100", "--reason", "x"
    )
    assert status == 0, err
    assert "缴费基数100.00元超出4863.00–24315.00元，按4863.00元核定" in err
    document = cli.json("payroll", "run", "--month", "2026-01", "--json")
    # 6,000 × (8% + 2% + 0.5%) + 720 (公积金 12%) = 1,350; the other at the floor 1,094.62
    assert document["insurance"] == "2444.62"
    assert document["bases_created"] == 0  # both were set by hand above


def test_annual_bonus_items_from_a_sheet_and_one_by_one(cli: Cli, tmp_path: Path) -> None:
    numbers = _seed(cli.path)
    sheet = tmp_path / "bonus.xlsx"
    book = openpyxl.Workbook()
    for values in [
        ["身份证号", "项目名称", "金额", "计税方式"],
        [numbers[0], "全年一次性奖金", 36000, "单独计税"],
    ]:
        book.active.append(values)
    book.save(sheet)
    status, _, err = cli.run("payroll", "items", "import", str(sheet), "--month", "2026-01")
    assert status == 0, err
    status, _, err = cli.run(
        "payroll",
        "items",
        "add",
        numbers[1],
        "--month",
        "2026-01",
        "--name",
        "全年一次性奖金",
        "--amount",
        "36001",
        "--annual-bonus",
    )
    assert status == 0, err
    assert "全年一次性奖金，按本地区默认" in err
    document = cli.json("payroll", "run", "--month", "2026-01", "--json")
    # Wages 3,938 pay no tax; the bonuses alone (the demo region's default is 单独计税):
    # 36,000 → 1,080.00 and 36,001 → 3,390.10 (the 临界点 jump).
    assert document["tax"] == "4470.10"
    assert "计税方式" in cli.refused(
        "payroll", "items", "add", numbers[1], "--month", "2026-01", "--name", "奖",
        "--amount", "1", "--annual-bonus", "分开",
    )  # fmt: skip
