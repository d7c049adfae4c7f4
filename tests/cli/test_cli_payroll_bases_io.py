"""``workforce payroll bases export|import`` on a SQLite file: a refused file writes nothing and
leaves an error report, a dry run writes nothing, a clean import sets the bases, and the export
reads back unchanged."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from tests.cli.test_cli_adjust import Cli
from tests.services.payroll_support import community, hire
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database
from workforce.services.payroll.bases import stored_bases
from workforce.services.roster.workers import load_worker


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    return tool


def _seed(path: Path) -> list[tuple[str, str]]:
    db = Database.open(str(path))
    try:
        admin = actor_for(db)
        unit = community(db, admin)
        people = [load_worker(db, hire(db, admin, unit, n)).data for n in (1, 2)]
        return [(p.id_number, p.name) for p in people]
    finally:
        db.close()


def _bases(path: Path) -> dict[int, tuple[Decimal, str]]:
    db = Database.open(str(path))
    try:
        with db.reading() as session:
            return stored_bases(session, 2026)
    finally:
        db.close()


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for values in [["身份证号", "姓名", "缴费基数"], *rows]:
        book.active.append(values)
    book.save(path)
    return path


def test_bases_import_and_export(cli: Cli, tmp_path: Path) -> None:
    (n1, name1), (n2, name2) = _seed(cli.path)
    bad = _sheet(tmp_path / "bad.xlsx", [[n1, name1, 6000], [n2, "别人", 7000]])
    report = tmp_path / "errors.xlsx"
    status, _, err = cli.run(
        "payroll", "bases", "import", str(bad), "--year", "2026", "--errors", str(report)
    )
    assert status == 2, err
    assert "未导入任何数据" in err and report.exists()
    assert _bases(cli.path) == {}

    good = _sheet(tmp_path / "good.xlsx", [[n1, name1, 6000], [n2, name2, "30000"]])
    status, _, err = cli.run("payroll", "bases", "import", str(good), "--year", "2026", "--dry-run")
    assert status == 0 and "试运行" in err and "提示 1 处" in err
    assert _bases(cli.path) == {}
    status, _, err = cli.run("payroll", "bases", "import", str(good), "--year", "2026")
    assert status == 0, err
    assert "变更 2 人" in err
    assert sorted(b for b, _ in _bases(cli.path).values()) == [
        Decimal("6000.00"),
        Decimal("24315.00"),
    ]

    out = tmp_path / "bases.xlsx"
    status, _, err = cli.run("payroll", "bases", "export", "--year", "2026", str(out))
    assert status == 0, err
    assert "2 人，合计 30,315.00" in err
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]] == ["身份证号", "姓名", "单位", "缴费基数", "来源"]
    assert sheet.cell(4, 1).value == "合计" and sheet.cell(4, 4).value == "=SUM(D2:D3)"
    before = _bases(cli.path)
    status, _, err = cli.run("payroll", "bases", "import", str(out), "--year", "2026")
    assert status == 0, err
    assert "变更 0 人，未变 2 人" in err
    assert _bases(cli.path) == before


def test_bases_set_and_import_clamp_in_the_same_words(cli: Cli, tmp_path: Path) -> None:
    (n1, _), (n2, name2) = _seed(cli.path)
    words = "缴费基数30000.00元超出4863.00–24315.00元，按24315.00元核定"
    status, _, err = cli.run(
        "payroll", "bases", "set", n1, "--year", "2026", "--base", "30000", "--reason", "社保核定"
    )
    assert status == 0, err
    assert f"提示：{words}" in err and "已核定为 24,315.00" in err
    sheet = _sheet(tmp_path / "above.xlsx", [[n2, name2, 30000]])
    status, _, err = cli.run("payroll", "bases", "import", str(sheet), "--year", "2026")
    assert status == 0 and words in err
    assert [b for b, _ in _bases(cli.path).values()] == [Decimal("24315.00")] * 2


def test_deduction_import(cli: Cli, tmp_path: Path) -> None:
    (n1, name1), _ = _seed(cli.path)
    head = ["身份证号", "姓名", "类别", "每月金额", "起始月份", "结束月份"]
    book = openpyxl.Workbook()
    for values in [head, [n1, name1, "住房租金", 1500, "2026-01", None]]:
        book.active.append(values)
    path = tmp_path / "declare.xlsx"
    book.save(path)
    status, _, err = cli.run("payroll", "deduction", "import", str(path), "--dry-run")
    assert status == 0 and "可导入 1 条" in err and "试运行" in err
    status, _, err = cli.run("payroll", "deduction", "import", str(path))
    assert status == 0, err
    assert "专项附加扣除申报 1 条" in err
