"""A locked month does not drift, from the command line (§8.6): ``allowance set`` and ``scale
import`` dated in a locked month are refused; with ``--retroactive`` they list the 补发 lines of
the next open month and write them only with ``--yes``."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from tests.cli.test_cli_adjust import Cli
from tests.cli.test_cli_payroll import _seed
from tests.services.scales.test_admin import raised_grid
from workforce.persistence.payroll import PayItem
from workforce.services.context import Database


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    _seed(tool.path)
    assert tool.run("payroll", "run", "--month", "2026-01")[0] == 0
    assert tool.run("payroll", "approve", "--month", "2026-01", "--user", "shenhe")[0] == 0
    assert tool.run("payroll", "lock", "--month", "2026-01", "--user", "caiwu")[0] == 0
    return tool


def _items(path: Path) -> list[tuple[str, str]]:
    db = Database.open(str(path))
    try:
        with db.reading() as session:
            rows = session.execute(select(PayItem.period, PayItem.name, PayItem.amount))
            return sorted((f"{p:%Y-%m}", f"{n} {a}") for p, n, a in rows)
    finally:
        db.close()


def test_allowance_into_a_locked_month(cli: Cli) -> None:
    change = ("allowance", "set", "基础绩效", "-", "999", "--effective", "2026-01-01")
    assert "2026年1月工资已锁定，不能调整基础绩效" in cli.refused(*change)
    status, out, err = cli.run(*change, "--retroactive")
    assert status == 1
    assert out.splitlines() == [
        f"测试{n}\t2026年1月\t补发2026年1月基础绩效\t已发200.00\t应发999.00\t差额799.00"
        for n in (1, 2)
    ]
    assert "计入2026年2月补发/补扣 2 笔，合计 1598.00 元" in err
    assert "未写入" in err
    assert _items(cli.path) == []
    status, out, err = cli.run(*change, "--retroactive", "--yes")
    assert status == 0, err
    assert _items(cli.path) == [("2026-02", "补发2026年1月基础绩效 799.00")] * 2


def test_scale_into_a_locked_month(cli: Cli, tmp_path: Path) -> None:
    sheet = tmp_path / "scale.xlsx"
    book = openpyxl.Workbook()
    for row in raised_grid(100).rows:
        book.active.append(list(row))
    book.save(sheet)
    change = ("scale", "import", str(sheet), "--effective", "2026-01-01")
    assert "2026年1月工资已锁定，不能导入薪酬标准" in cli.refused(*change)
    status, _, err = cli.run(*change, "--retroactive", "--yes")
    assert status == 0, err
    assert _items(cli.path) == [("2026-02", "补发2026年1月岗位等级工资 100.00")] * 2
