"""``workforce audit list|export`` and the .xlsx writer: what a clerk sees, text kept as text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from reports.accounts import audit_xlsx
from reports.accounts.audit_xlsx import write_audit_xlsx
from ui.cli.main import main
from workforce.services.accounts.audit_views import AuditRow, FieldChange

AT = dt.datetime(2026, 3, 1, 2, 30, tzinfo=dt.UTC)


def _row(entry_id: int, *changes: FieldChange, note: str = "") -> AuditRow:
    return AuditRow(entry_id, AT, "admin", "update", "worker", 7, changes, None, note)


def test_user_text_stays_text_and_one_line_per_field(tmp_path: Path) -> None:
    out = tmp_path / "a.xlsx"
    rows = [
        _row(
            2,
            FieldChange("name", "张三", '=HYPERLINK("http://x","y")'),
            FieldChange("phone", None, "+86 139"),
        ),
        _row(1, note="@SUM(1)"),
    ]
    assert write_audit_xlsx(out, rows) == 2
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0][:9] == ["序号", "时间", "用户", "操作", "对象", "编号", "字段", "原值", "新值"]
    local = AT.astimezone()
    assert values[1] == [
        2, f"{local:%Y-%m-%d %H:%M:%S}", "admin", "修改", "人员档案", 7, "name", "张三",
        '=HYPERLINK("http://x","y")', None, "",
    ]  # fmt: skip
    assert values[2][6:9] == ["phone", "", "+86 139"]
    assert values[3][6:] == ["", "", "", None, "@SUM(1)"]
    assert all(
        c.data_type == "s" for r in sheet.iter_rows(min_row=2) for c in r if c.column in (8, 9, 11)
    )


def test_a_log_longer_than_a_sheet_continues_on_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_xlsx, "MAX_ROWS", 3)  # a header and two rows per sheet
    out = tmp_path / "long.xlsx"
    write_audit_xlsx(out, [_row(n, FieldChange("f", None, str(n))) for n in range(5, 0, -1)])
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["审计日志", "审计日志2", "审计日志3"]
    assert [r[0] for s in book for r in s.iter_rows(min_row=2, values_only=True)] == [5, 4, 3, 2, 1]


def test_cli_lists_and_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "w.db")
    assert (
        main(
            ["--db", db, "allowance", "set", "一肩挑津贴", "-", "350", "--effective", "2027-01-01"]
        )
        == 0
    )
    capsys.readouterr()
    assert (
        main(
            ["--db", db, "audit", "list", "--json", "--entity", "allowance_rate", "--user", "admin"]
        )
        == 0
    )
    (entry,) = json.loads(capsys.readouterr().out)["entries"]
    assert (entry["action"], entry["user"]) == ("create", "admin")
    assert entry["changes"]["amount"] == ["300.00", "350.00"]
    assert main(["--db", db, "audit", "list", "--since", "2999-01-01"]) == 0
    assert capsys.readouterr().out == ""

    out = tmp_path / "log.xlsx"
    assert main(["--db", db, "audit", "export", str(out), "--text", "一肩挑"]) == 0
    assert f"已导出 1 条审计记录到 {out}" in capsys.readouterr().err
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert {r[6] for r in sheet.iter_rows(min_row=2, values_only=True)} >= {"金额", "生效日期"}


def test_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "w.db")
    assert main(["--db", db, "audit", "list", "--since", "2026-13-01"]) == 1
    assert "不是日期" in capsys.readouterr().err
    assert main(["--db", db, "audit", "export", str(tmp_path / "x.csv")]) == 1
    assert "应以 .xlsx 结尾" in capsys.readouterr().err
