"""``--valid-only`` on every sheet import of the command line: a file with one good and one bad
row is refused whole by default (exit status 2, nothing written); with ``--valid-only`` the good
row is written, the bad one goes unchanged with a 问题 column to ``FILE-未导入的行.xlsx``, and that
workbook, fixed, imports as it is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from tests.cli.test_cli_adjust import Cli
from tests.cli.test_cli_payroll import _seed
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.base import Base
from workforce.persistence.payroll import (
    ContributionBase,
    OpeningBalance,
    PayItem,
    SpecialDeduction,
)
from workforce.persistence.people import Appraisal, TrainingAttendance
from workforce.services.context import Database

NAMES = ("测试1", "测试2")
Row = Callable[[str, str], list[object]]


@dataclass(frozen=True)
class Importer:
    command: tuple[str, ...]
    header: list[str]
    row: Row  # a good row for (ID number, name)
    table: type[Base]
    column: int = 1  # the cell the bad row gets wrong (the name, unless said)
    wrong: object = "别人"


OPENING = ["证件号码", "姓名", "所属期止", "累计收入额", "累计免税收入", "累计减除费用"]
OPENING += ["累计专项扣除", "累计专项附加扣除", "累计其他扣除", "累计已预缴税额"]
IMPORTERS = {
    "appraisal": Importer(
        ("appraisal", "import"),
        ["身份证号", "姓名", "年度", "考核结果"],
        lambda n, name: [n, name, 2025, "称职"],
        Appraisal,
    ),
    "training": Importer(
        (
            "training",
            "import",
            "--session-title",
            "社工实务",
            "--date",
            "2026-03-01",
            "--hours",
            "4",
        ),
        ["身份证号", "姓名", "是否合格"],
        lambda n, name: [n, name, "是"],
        TrainingAttendance,
    ),
    "bases": Importer(
        ("payroll", "bases", "import", "--year", "2026"),
        ["身份证号", "姓名", "缴费基数"],
        lambda n, name: [n, name, 6000],
        ContributionBase,
    ),
    "deductions": Importer(
        ("payroll", "deduction", "import"),
        ["身份证号", "姓名", "类别", "每月金额", "起始月份", "结束月份"],
        lambda n, name: [n, name, "住房租金", 1500, "2026-01", None],
        SpecialDeduction,
    ),
    "items": Importer(
        ("payroll", "items", "import", "--month", "2026-01"),
        ["身份证号", "姓名", "项目名称", "金额"],
        lambda n, name: [n, name, "取暖补贴", 800],
        PayItem,
        column=3,
        wrong=0,
    ),
    "opening": Importer(
        ("payroll", "opening", "import"),
        OPENING,
        lambda n, name: [n, name, "2026-06", 60000, 0, 30000, 13500, 0, 0, 495],
        OpeningBalance,
    ),
}


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    return tool


def _stored(path: Path, table: type[Base]) -> tuple[int, int]:
    """How many rows ``table`` holds, and how many audit entries say an import left rows out."""
    db = Database.open(str(path))
    try:
        with db.reading() as session:
            count = session.scalar(select(func.count()).select_from(table)) or 0
            marked = AuditEntry.note.contains("仅导入无误的行，1行未导入")
            left_out = session.scalar(select(func.count()).where(marked)) or 0
            return count, left_out
    finally:
        db.close()


def _book(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["（本表由街道汇总）"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("kind", list(IMPORTERS))
def test_valid_only_writes_the_good_rows_and_hands_back_the_bad(
    kind: str, cli: Cli, tmp_path: Path
) -> None:
    importer = IMPORTERS[kind]
    n1, n2 = _seed(cli.path)
    bad = importer.row(n2, NAMES[1])
    bad[importer.column] = importer.wrong
    sheet = _book(tmp_path / "名单.xlsx", importer.header, [importer.row(n1, NAMES[0]), bad])

    status, _, err = cli.run(*importer.command, str(sheet))
    assert status == 2, err  # all or nothing stays the default
    assert "有错误，未导入任何数据" in err and "--valid-only 只导入无误的行" in err
    assert _stored(cli.path, importer.table)[0] == 0

    status, _, err = cli.run(*importer.command, str(sheet), "--valid-only")
    assert status == 0, err
    left_out = tmp_path / "名单-未导入的行.xlsx"
    said = f"有错误的 1 行未导入，已原样写入：{left_out}（“问题”列说明原因；改正后导入该文件即可）"
    assert said in err
    count, audited = _stored(cli.path, importer.table)
    assert count == 1 and audited > 0  # the valid-only import audited the row it left out
    book = openpyxl.load_workbook(left_out)
    rows = list(book.active.values)
    assert rows[0][0] == "（本表由街道汇总）"
    assert rows[1] == (*importer.header, "问题")
    assert len(rows) == 3 and rows[2][: len(bad)] == tuple(bad)  # unchanged
    assert rows[2][-1].startswith("原第4行：")

    book.active.cell(3, importer.column + 1).value = importer.row(n2, NAMES[1])[importer.column]
    book.save(left_out)
    status, _, err = cli.run(*importer.command, str(left_out))
    assert status == 0, err
    assert _stored(cli.path, importer.table) == (2, audited)  # the fixed file left none out


def test_valid_only_still_refuses_a_sheet_without_its_header(cli: Cli, tmp_path: Path) -> None:
    _seed(cli.path)
    sheet = _book(tmp_path / "名单.xlsx", ["编号", "名字"], [["1", "张三"]])
    status, _, err = cli.run(
        "payroll", "bases", "import", "--year", "2026", str(sheet), "--valid-only"
    )
    assert status == 2 and "有错误，未导入任何数据" in err
    assert not (tmp_path / "名单-未导入的行.xlsx").exists()
