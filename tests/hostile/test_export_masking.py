"""ID numbers and bank accounts are masked in exports unless asked for in full, and asking is
recorded in the audit: who exported what, when."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from tests.cli.test_cli_adjust import Cli
from tests.factories import make_id
from tests.services.payroll_support import community, hire, user
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.services.accounts.acting_user import actor_for
from workforce.services.accounts.export_audit import FULL_EXPORT, mask_account
from workforce.services.context import Database

ACCOUNT = "6222020200001234567"


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    db = Database.open(str(tool.path))
    try:
        admin = actor_for(db)
        hire(db, admin, community(db, admin), 1, bank_account=ACCOUNT, bank_name="工行")
        user(db, "shenhe", Role.APPROVER)
    finally:
        db.close()
    return tool


def _full_exports(cli: Cli) -> list[tuple[str, str]]:
    db = Database.open(str(cli.path))
    try:
        with db.reading() as session:
            rows = session.execute(
                select(AuditEntry.username, AuditEntry.note).where(AuditEntry.action == FULL_EXPORT)
            )
            return [(r[0], r[1]) for r in rows]
    finally:
        db.close()


def _texts(path: Path) -> set[object]:
    book = openpyxl.load_workbook(path)
    return {c.value for s in book.worksheets for row in s.iter_rows() for c in row}


def test_the_roster_export_masks_unless_full_numbers_are_asked_for(
    cli: Cli, tmp_path: Path
) -> None:
    masked, full = tmp_path / "遮蔽.xlsx", tmp_path / "完整.xlsx"
    assert cli.run("roster", "export", str(masked))[0] == 0
    texts = _texts(masked)
    assert make_id(1) not in texts and ACCOUNT not in texts
    assert f"{make_id(1)[:6]}********{make_id(1)[14:]}" in texts
    assert mask_account(ACCOUNT) in texts
    assert _full_exports(cli) == []
    assert cli.run("roster", "export", str(full), "--full-id")[0] == 0
    assert {make_id(1), ACCOUNT} <= _texts(full)
    assert _full_exports(cli) == [("admin", "导出花名册（含完整身份证号或银行账号，1人）")]


def test_payroll_exports_record_full_numbers(cli: Cli, tmp_path: Path) -> None:
    month = ("--month", "2026-03")
    assert cli.run("payroll", "run", *month)[0] == 0
    assert cli.run("payroll", "export", *month, str(tmp_path / "a.xlsx"))[0] == 0
    assert make_id(1) not in _texts(tmp_path / "a.xlsx")
    assert _full_exports(cli) == []
    assert cli.run("payroll", "export", *month, str(tmp_path / "b.xlsx"), "--full-id")[0] == 0
    assert cli.run("payroll", "approve", *month, "--user", "shenhe")[0] == 0
    assert cli.run("payroll", "bank", *month, str(tmp_path / "bank.xlsx"))[0] == 0
    notes = [note for _, note in _full_exports(cli)]
    assert notes == [
        "导出2026-03工资发放表（含完整身份证号或银行账号）",
        "导出2026-03银行代发文件（含完整身份证号或银行账号）",
    ]


def test_mask_account() -> None:
    assert mask_account(ACCOUNT) == "*" * 15 + "4567"
    assert mask_account(None) is None and mask_account("123") == "123"
