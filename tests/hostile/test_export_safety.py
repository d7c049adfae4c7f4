"""Every exported spreadsheet keeps user text as text: names, units, remarks, item names and the
clerk's own cells typed as =HYPERLINK(…), +1, -2+3 or @SUM(A1) arrive as text cells, never as
formulas or links; in a .csv they carry a leading apostrophe."""

from __future__ import annotations

import csv
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from reports.cell_text import csv_text, looks_like_formula, text_workbook
from tests.cli.test_cli_adjust import Cli
from tests.services.payroll_support import community, hire, user
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.roster.worker import CertificateInput
from workforce.domain.vocab import Role
from workforce.persistence.people import Appraisal
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database
from workforce.services.payroll.items import add_item
from workforce.services.roster.workers import load_worker

HOSTILE = (
    '=HYPERLINK("http://evil.example","点我")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "=cmd|' /C calc'!A0",
)
QUOTED = re.compile(r"'(?:[^']|'')*'!")
MARKERS = ("HYPERLINK", "evil", "calc", "SUM(A1)", "2+3", "=1+1")


def _seed(path: Path) -> None:
    db = Database.open(str(path))
    try:
        admin = actor_for(db)
        unit = community(db, admin, "=1+1街道", "@SUM(A1)社区")
        for n, name in enumerate(HOSTILE, 1):
            cert = CertificateInput(
                "社会工作师", dt.date(2019, 10, 1), dt.date(2020, 3, 5), f"=C{n}"
            )
            worker = hire(
                db, admin, unit, n, cert, name=name, remarks=name, school=name, major="+专业",
                bank_name="=银行", bank_account=f"62220200000000{n:02d}", level_start_year=2023,
            )  # fmt: skip
            with db.transaction() as session:
                session.add_all(
                    Appraisal(worker_id=worker, year=y, grade="称职") for y in (2023, 2024, 2025)
                )
            number = load_worker(db, worker).data.id_number
            item = name[:30]  # an item name fits its column
            add_item(db, admin, ItemEntry(number, dt.date(2026, 3, 1), item, Decimal(300)))
        user(db, "shenhe", Role.APPROVER)
        user(db, "caiwu", Role.FINANCE)
    finally:
        db.close()


def _bad_sheet(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号", "备注"])
    sheet.append(["@SUM(A1)", "123", '=HYPERLINK("http://evil.example")'])
    # openpyxl would store the text above as a formula: make it a string cell, as a clerk's is
    for cell in sheet[2]:
        cell.data_type = "s"
    book.save(path)
    return path


@pytest.fixture
def exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    cli = Cli(tmp_path / "w.db", capsys)
    assert cli.run("init")[0] == 0
    _seed(cli.path)
    out = {name: tmp_path / name for name in (
        "roster.xlsx", "payroll.xlsx", "bank.xlsx", "bank.csv", "tax.xlsx", "bases.xlsx",
        "plan.xlsx", "stats.xlsx", "certs.xlsx", "training.xlsx", "eligible.xlsx", "errors.xlsx",
        "template.xlsx",
    )}  # fmt: skip
    month = ("--month", "2026-03")
    steps = [
        ("roster", "export", str(out["roster.xlsx"])),
        ("roster", "template", str(out["template.xlsx"])),
        ("payroll", "run", *month),
        ("payroll", "approve", *month, "--user", "shenhe"),
        ("payroll", "lock", *month, "--user", "caiwu"),
        ("payroll", "export", *month, str(out["payroll.xlsx"]), "--full-id", "--tax-columns"),
        ("payroll", "bank", *month, str(out["bank.xlsx"])),
        ("payroll", "bank", *month, str(out["bank.csv"]), "--layout", "csv"),
        ("payroll", "tax-summary", "--year", "2026", str(out["tax.xlsx"])),
        ("payroll", "bases", "export", "--year", "2026", str(out["bases.xlsx"])),
        ("adjust", "plan", "--year", "2027", "--out", str(out["plan.xlsx"])),
        ("stats", "export", str(out["stats.xlsx"]), "--unit", "@SUM(A1)社区"),
        ("certs", "export", str(out["certs.xlsx"])),
        ("training", "compliance", "--year", "2026", "--all", "--xlsx", str(out["training.xlsx"])),
        ("pipeline", "eligible", "--target", "书记", "--xlsx", str(out["eligible.xlsx"])),
    ]
    for step in steps:
        status, _, err = cli.run(*step)
        assert status == 0, (step, err)
    bad = _bad_sheet(tmp_path / "bad.xlsx")
    status, _, err = cli.run("roster", "import", str(bad), "--errors", str(out["errors.xlsx"]))
    assert status != 0 and out["errors.xlsx"].exists(), err
    return out


def _cells(path: Path) -> list[tuple[str, object, str]]:
    book = openpyxl.load_workbook(path)
    return [
        (f"{sheet.title}!{cell.coordinate}", cell.value, cell.data_type)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def test_no_user_text_becomes_a_formula_in_any_export(exports: dict[str, Path]) -> None:
    for name, path in exports.items():
        if path.suffix != ".xlsx":
            continue
        cells = _cells(path)
        # our own totals may name a sheet called after a street: quoted, that is no user formula
        formulas = [(where, QUOTED.sub("", str(v))) for where, v, kind in cells if kind == "f"]
        assert not [f for f in formulas if any(m in f[1] for m in MARKERS)], name
        texts = {v for _, v, kind in cells if kind == "s"}
        assert not [v for v in texts if isinstance(v, str) and v.startswith("#")], name
        if name in ("roster.xlsx", "payroll.xlsx", "bank.xlsx", "tax.xlsx", "bases.xlsx"):
            assert set(HOSTILE) <= texts, (name, set(HOSTILE) - texts)
    errors = {v for _, v, kind in _cells(exports["errors.xlsx"]) if kind == "s"}
    assert {"@SUM(A1)", '=HYPERLINK("http://evil.example")'} <= errors


def test_csv_cells_that_a_spreadsheet_would_evaluate_carry_an_apostrophe(
    exports: dict[str, Path],
) -> None:
    with exports["bank.csv"].open(encoding="gb18030", newline="") as handle:
        fields = [field for row in csv.reader(handle) for field in row]
    assert not [f for f in fields if looks_like_formula(f) and not _number(f)]
    assert "'+1" in fields


def _number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def test_the_shared_helpers(tmp_path: Path) -> None:
    assert [csv_text(v) for v in ("=1", "+1", "-1", "@A", "\tx", "\rx", "张三", None, 5)] == [
        "'=1", "'+1", "'-1", "'@A", "'\tx", "'\rx", "张三", "", "5",
    ]  # fmt: skip
    book = text_workbook(tmp_path / "t.xlsx", {"constant_memory": True})
    sheet = book.add_worksheet()
    sheet.write(0, 0, '=HYPERLINK("http://evil.example")')
    sheet.merge_range(1, 0, 1, 2, "@SUM(A1)")
    sheet.write(2, 0, "http://evil.example")
    book.close()
    kinds = {where: (v, kind) for where, v, kind in _cells(tmp_path / "t.xlsx")}
    assert kinds["Sheet1!A1"] == ('=HYPERLINK("http://evil.example")', "s")
    assert kinds["Sheet1!A2"] == ("@SUM(A1)", "s")
    assert kinds["Sheet1!A3"] == ("http://evil.example", "s")
