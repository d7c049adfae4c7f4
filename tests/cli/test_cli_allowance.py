"""``workforce allowance list|set`` end to end on a SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ui.cli.main import main


def listed(db: str, date: str, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    assert main(["--db", db, "allowance", "list", "--date", date, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["date"] == date
    return {f"{a['kind']}:{a['key']}": a["amount"] for a in document["allowances"]}


def test_list_and_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "w.db")
    before = listed(db, "2026-12-31", capsys)
    assert before["certificate:社会工作师"] == "300.00"
    assert before["one_shoulder:"] == "300.00"
    assert before["reward_performance:优秀"] == "6000.00"

    set_cmd = ["--db", db, "allowance", "set"]
    assert main([*set_cmd, "一肩挑津贴", "-", "350", "--effective", "2027-01-01"]) == 0
    assert "已设置一肩挑津贴：350.00元/月，2027-01-01起生效" in capsys.readouterr().err
    assert main([*set_cmd, "certificate", "社会工作师", "320.5", "--effective", "2027-01-01"]) == 0
    capsys.readouterr()

    assert listed(db, "2026-12-31", capsys) == before
    after = listed(db, "2027-01-01", capsys)
    assert (after["one_shoulder:"], after["certificate:社会工作师"]) == ("350.00", "320.50")

    assert main(["--db", db, "allowance", "list", "--date", "2027-01-01"]) == 0
    text = capsys.readouterr().out
    assert "一肩挑津贴\t-\t350.00元/月\t2027-01-01起" in text
    assert "奖励绩效\t优秀\t6000.00元/年\t2020-01-01起" in text


def test_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "w.db")
    set_cmd = ["--db", db, "allowance", "set"]
    assert main([*set_cmd, "一肩挑津贴", "-", "350", "--effective", "2020-01-01"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "同一生效日期只能有一个标准" in captured.err
    assert main([*set_cmd, "bonus", "-", "1", "--effective", "2027-01-01"]) == 1
    assert "没有「bonus」这种津贴" in capsys.readouterr().err
    assert main([*set_cmd, "一肩挑津贴", "-", "1", "--effective", "2027-13-01"]) == 1
    assert "不是日期" in capsys.readouterr().err
    assert (
        main([*set_cmd, "一肩挑津贴", "-", "1", "--effective", "2027-01-01", "--user", "nobody"])
        == 1
    )
    assert capsys.readouterr().err.startswith("错误：")
