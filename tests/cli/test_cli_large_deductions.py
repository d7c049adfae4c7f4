"""Issue 13 §8 (spec §10) on the command line: an item import or entry with a deduction larger
than the month's gross lists each one and writes nothing until ``--confirm``; ``payroll run``
lists the payslips that have one."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from tests.cli.test_cli_adjust import Cli
from tests.services.payroll_support import community, hire
from workforce.persistence.payroll import PayItem
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database
from workforce.services.roster.workers import load_worker


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    return tool


def _seed(path: Path) -> str:
    db = Database.open(str(path))
    try:
        admin = actor_for(db)
        return load_worker(db, hire(db, admin, community(db, admin), 1)).data.id_number
    finally:
        db.close()


def _items(path: Path) -> int:
    db = Database.open(str(path))
    try:
        with db.reading() as session:
            return session.scalar(select(func.count()).select_from(PayItem)) or 0
    finally:
        db.close()


def test_an_imported_deduction_of_99999_is_held_until_confirmed(cli: Cli, tmp_path: Path) -> None:
    number = _seed(cli.path)
    sheet = tmp_path / "items.xlsx"
    book = openpyxl.Workbook()
    for values in (["身份证号", "姓名", "项目名称", "金额"], [number, "测试1", "扣款", -99999]):
        book.active.append(values)  # type: ignore[union-attr]
    book.save(sheet)
    status, _, err = cli.run("payroll", "items", "import", str(sheet), "--month", "2026-01")
    assert status == 2
    assert "第2行" in err and "测试1" in err and "-99,999.00" in err and "3,938.00" in err
    assert "--confirm" in err and _items(cli.path) == 0

    status, _, err = cli.run(
        "payroll", "items", "import", str(sheet), "--month", "2026-01", "--confirm"
    )
    assert status == 0, err
    assert _items(cli.path) == 1

    status, _, err = cli.run("payroll", "run", "--month", "2026-01")
    assert status == 0, err
    assert "警告：1 条扣款超过本月应发" in err
    assert "测试1的扣款「扣款」-99,999.00元超过本月应发3,938.00元" in err


def test_an_entered_deduction_of_99999_is_held_until_confirmed(cli: Cli) -> None:
    number = _seed(cli.path)
    add = ("payroll", "items", "add", number, "--month", "2026-01", "--name", "扣款")
    status, _, err = cli.run(*add, "--amount", "-99999")
    assert status == 2
    assert "测试1" in err and "-99,999.00" in err and "预计本月应发3,938.00" in err
    assert _items(cli.path) == 0
    status, _, err = cli.run(*add, "--amount", "-99999", "--accept-warnings")
    assert status == 0, err
    status, _, err = cli.run(*add, "--amount", "-99.99")  # within the gross: no question
    assert status == 0, err
    assert _items(cli.path) == 2
