"""``workforce demo`` and ``workforce stats``: output streams, JSON numbers, exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ui.cli.main import main


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "w.db")
    args = ["--db", path, "demo", "--workers", "120", "--seed", "3", "--today", "2025-06-30"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert out.startswith("已生成示例数据：120人") and "用时" in out
    assert "生成示例数据 241/241 (100%)" in err
    return path


def test_stats_json_holds_numbers_and_labels(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", demo_db, "stats", "--json", "--as-of", "2025-06-30"]) == 0
    out, _ = capsys.readouterr()
    document = json.loads(out)
    assert document["as_of"] == "2025-06-30" and document["unit"] is None
    assert isinstance(document["headcount"], int) and 100 < document["headcount"] <= 120
    assert sum(document["by_post"].values()) == document["headcount"]
    assert isinstance(document["bachelor_or_above_ratio"], float)
    assert isinstance(document["average_age"], float)
    assert document["labels"]["certified_ratio"] == "持证率（%）"
    assert document["labels"]["posts"]["principal"] == "社区正职"


def test_stats_text_of_one_unit_and_errors(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", demo_db, "stats", "--unit", "示范区", "--as-of", "2025-06-30"]) == 0
    out, _ = capsys.readouterr()
    assert "统计范围：示范区" in out and "本科以上学历占比（%）" in out and "按岗位" in out
    assert main(["--db", demo_db, "stats", "--unit", "没有这个区"]) == 1
    assert "找不到单位「没有这个区」" in capsys.readouterr().err
    assert main(["--db", demo_db, "demo", "--workers", "5"]) == 1
    assert "已有人员档案" in capsys.readouterr().err


def test_stats_export_writes_the_workbook_and_the_pdf(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    assert main(["--db", demo_db, "stats", "--json", "--as-of", "2025-06-30"]) == 0
    headcount = json.loads(capsys.readouterr().out)["headcount"]
    workbook = tmp_path / "统计.xlsx"
    args = ["--db", demo_db, "stats", "export", str(workbook), "--as-of", "2025-06-30"]
    assert main([*args, "--unit", "示范区"]) == 0
    _, err = capsys.readouterr()
    assert f"已导出示范区社区工作者统计表（统计日期 2025-06-30，在岗 {headcount} 人）" in err
    assert openpyxl.load_workbook(workbook, data_only=True)["指标"]["D6"].value == headcount
    pdf = tmp_path / "统计.pdf"
    assert main(["--db", demo_db, "stats", "--as-of", "2025-06-30", "export", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["--db", demo_db, "stats", "export", str(tmp_path / "统计.csv")]) == 1
    assert ".xlsx 或 .pdf" in capsys.readouterr().err
