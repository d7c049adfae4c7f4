"""Other scale shapes from the command line: four posts × 24 levels (宁夏 四岗二十四级)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from ui.cli.main import main

POSTS = [
    ("code", "岗位名称", "最低等级", "最高等级", "参照岗位", "别名"),
    ("secretary", "社区书记", "7", "24", "", "书记"),
    ("principal", "社区正职", "5", "22", "", "正职"),
    ("deputy", "社区副职", "3", "20", "", "副职"),
    ("staff", "其他社区工作者", "1", "18", "", "其他"),
    ("grid", "专职网格员", "1", "18", "staff", "网格员"),
]


def _write(path: Path, rows: list[tuple[str, ...]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_four_posts_of_24_levels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "w.db")
    posts = _write(tmp_path / "posts.csv", POSTS)
    amounts = [("post", "level", "monthly_pay")]
    for code, low, high in (
        ("secretary", 7, 24),
        ("principal", 5, 22),
        ("deputy", 3, 20),
        ("staff", 1, 18),
    ):
        amounts += [(code, str(level), str(3000 + 100 * level)) for level in range(low, high + 1)]
    scale = _write(tmp_path / "scale.csv", amounts)
    args = [
        "--db",
        db,
        "scale",
        "import",
        str(scale),
        "--effective",
        "2027-01-01",
        "--posts",
        str(posts),
    ]
    assert main(args) == 0
    capsys.readouterr()
    assert main(["--db", db, "scale", "show", "--effective", "2027-01-01", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    ranges = {p["code"]: (p["min_level"], p["max_level"], p["paid_as"]) for p in shown["posts"]}
    assert ranges == {
        "secretary": (7, 24, None),
        "principal": (5, 22, None),
        "deputy": (3, 20, None),
        "staff": (1, 18, None),
        "grid": (1, 18, "staff"),
    }
    table = {(r["post"], r["level"]): r["monthly_pay"] for r in shown["table"]}
    assert table[("secretary", 24)] == "5400.00"
    assert len(table) == 18 + 18 + 18 + 18


def test_a_bad_posts_sheet_names_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "w.db")
    posts = _write(tmp_path / "posts.csv", [POSTS[0], ("Staff", "其他", "一", "12", "", "")])
    scale = _write(tmp_path / "scale.csv", [("post", "level", "monthly_pay"), ("staff", "1", "1")])
    args = [
        "--db",
        db,
        "scale",
        "import",
        str(scale),
        "--effective",
        "2027-01-01",
        "--posts",
        str(posts),
    ]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "第2行" in err and "「代码」列" in err and "「最低等级」列" in err
    assert "岗位设置表有误（2处），未导入" in err
