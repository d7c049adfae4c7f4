"""``workforce payroll opening import|list|show``, ``payroll discard`` and ``demo --start-month``
on a SQLite file: a refused sheet writes nothing and leaves an error workbook, a clean one sets
the year's start, the first month continues from it; a discard shows its totals and needs --yes."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.cli.test_cli_adjust import Cli
from tests.cli.test_cli_payroll import _seed

HEAD = [
    "证件号码",
    "姓名",
    "所属期止",
    "累计收入额",
    "累计免税收入",
    "累计减除费用",
    "累计专项扣除",
    "累计专项附加扣除",
    "累计其他扣除",
    "累计已预缴税额",
]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    return tool


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for values in [HEAD, *rows]:
        book.active.append(values)
    book.save(path)
    return path


def test_opening_figures_from_the_withholding_client(cli: Cli, tmp_path: Path) -> None:
    n1, n2 = _seed(cli.path)
    assert "2026年1月的工资尚未计算" in cli.refused("payroll", "run", "--month", "2026-07")
    bad = _sheet(
        tmp_path / "bad.xlsx",
        [
            [n1, "测试1", "2026-06", 60000, 0, 25000, 13500, 0, 0, 345],
            [n2, "别人", "2026-06", 60000, 0, 30000, 13500, 0, 0, 195],
        ],
    )
    report = tmp_path / "errors.xlsx"
    status, _, err = cli.run("payroll", "opening", "import", str(bad), "--errors", str(report))
    assert status == 2, err
    assert "第2行" in err and "累计减除费用" in err and "25000" in err
    assert "第3行" in err and "姓名" in err and "别人" in err
    assert "未导入任何数据" in err and report.exists()
    good = _sheet(
        tmp_path / "good.xlsx",
        [
            [n1, "测试1", "2026-06", 60000, 0, 30000, 13500, 0, 0, 495],
            [n2, "测试2", "2026-06", 60000, 0, 30000, 13500, 0, 0, 495],
        ],
    )
    status, _, err = cli.run("payroll", "opening", "import", str(good), "--dry-run")
    assert status == 0 and "试运行" in err and "新增 2 人" in err
    assert "还没有导入" in cli.refused("payroll", "opening", "list")
    status, _, err = cli.run("payroll", "opening", "import", str(good))
    assert status == 0, err
    assert "从7月开始计算工资" in err
    listed = cli.json("payroll", "opening", "list", "--json")
    assert [row["withheld"] for row in listed["openings"]] == ["495.00", "495.00"]
    status, out, _ = cli.run("payroll", "opening", "show", n1)
    assert status == 0 and "累计已预缴税额\t495.00" in out and "1–6月（6个月）" in out
    assert "已录入期初累计" in cli.refused("payroll", "run", "--month", "2026-06")

    july = cli.json("payroll", "run", "--month", "2026-07", "--json")
    status, _, err = cli.run("payroll", "discard", "--month", "2026-07")
    assert status == 1 and f"实发合计 {float(july['net']):,.2f}" in err and "--yes" in err
    status, _, err = cli.run("payroll", "discard", "--month", "2026-07", "--yes")
    assert status == 0 and "已撤销计算" in err
    assert "尚未计算，无需撤销" in cli.refused("payroll", "discard", "--month", "2026-07")


def test_demo_of_a_district_that_starts_in_july(cli: Cli) -> None:
    status, out, err = cli.run(
        "demo", "--workers", "30", "--today", "2026-12-07", "--start-month", "7"
    )
    assert status == 0, err
    assert "2026年1–6月期初累计" in out and "工资从2026年7月开始计算" in out
    listed = cli.json("payroll", "opening", "list", "--json")
    assert listed["year"] == 2026 and listed["openings"]
    assert {row["through"] for row in listed["openings"]} == {"2026-06"}
    assert cli.run("payroll", "run", "--month", "2026-07")[0] == 0
    verified = cli.json("payroll", "verify", "--month", "2026-07", "--json")
    assert verified["ok"], verified
    assert "2至12" in cli.refused(
        "demo", "--workers", "5", "--today", "2026-12-07", "--start-month", "1"
    )
