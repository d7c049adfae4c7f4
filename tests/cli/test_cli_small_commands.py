"""Small commands: ``payroll explain`` (JSON or one error line) and ``adjust grade``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ui.cli.main import main

GOLDEN = Path(__file__).parents[1] / "golden" / "tax" / "published_2019.json"


def test_explain_prints_only_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["payroll", "explain", str(GOLDEN)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [m["withholding"] for m in out["months"]] == ["555.00", "625.00", "1850.00"]


def test_invalid_case_names_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "bad.json"
    case.write_text(json.dumps({"year": 2025, "months": [{"month": 1, "income": -1}]}))
    assert main(["payroll", "explain", str(case)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "months[0].income" in captured.err


def test_grade_a_new_hire(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "w.db")
    args = [
        "--db",
        db,
        "adjust",
        "grade",
        "--post",
        "其他社区工作者",
        "--education",
        "硕士",
        "--certificate",
        "助理社会工作师",
        "--years",
        "7",
        "--json",
    ]
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["level"], result["credited_ladder"]) == (5, 2)
    assert main(["--db", db, "adjust", "grade", "--post", "主任"]) == 1
    assert "岗位「主任」不在现行薪酬标准中" in capsys.readouterr().err
