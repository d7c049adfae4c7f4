"""``workforce plan retirements`` and ``workforce plan budget`` (issue 19): results on stdout,
JSON that adds up, scenario files, the meeting's xlsx and PDF."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ui.cli.main import main
from workforce.services.context import Database
from workforce.services.scale import scale_in_force


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "w.db")
    assert (
        main(["--db", path, "demo", "--workers", "150", "--seed", "3", "--today", "2026-06-30"])
        == 0
    )
    capsys.readouterr()
    return path


def test_retirements_soon_and_per_year(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--db", demo_db, "plan", "retirements", "--as-of", "2027-01-01", "--years", "3"]
    assert main([*args, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert list(document["per_year"]) == ["2027", "2028", "2029"]
    assert len(document["retiring"]) == document["per_year"]["2027"]
    for person in document["retiring"]:
        assert "2027-01-01" <= person["retires"] <= "2027-12-31"
        assert person["age"].startswith(str(person["original_age"]))
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "12个月内达到法定退休年龄" in out and "今后每年退休人数：2027年" in out


def test_budget_json_with_a_scenario(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = tmp_path / "raise.json"
    scenario.write_text(
        json.dumps({"name": "普调3%", "raise": {"rate": "0.03", "from": "2027-01-01"}}), "utf-8"
    )
    args = ["--db", demo_db, "plan", "budget", "--years", "2", "--from", "2027"]
    assert main([*args, "--scenario", str(scenario), "--json", "--monthly"]) == 0
    out, err = capsys.readouterr()
    assert "测算 2/2 个方案" in err
    document = json.loads(out)
    base, (raised,) = document["baseline"], document["scenarios"]
    assert raised["scenario"] == "普调3%" and raised["terms"] == [
        "自2027年01月起岗位等级工资普调3%"
    ]
    for year, other in zip(base["years"], raised["years"], strict=True):
        total = Decimal(year["total"])
        assert total == Decimal(year["gross"]) + Decimal(year["employer"])
        assert sum(Decimal(c["total"]) for c in year["by_post"].values()) == total
        assert sum(Decimal(c["total"]) for c in year["by_month"].values()) == total
        difference = Decimal(other["total"]) - total
        assert Decimal(raised["difference"][str(year["year"])]) == difference > 0


def test_budget_text_and_exports(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = tmp_path / "steps.json"
    scenario.write_text(json.dumps({"name": "两年一调", "step_years": 2}), "utf-8")
    args = ["--db", demo_db, "plan", "budget", "--years", "3", "--from", "2027"]
    out_xlsx, out_pdf = tmp_path / "b.xlsx", tmp_path / "b.pdf"
    assert main([*args, "--scenario", str(scenario), "--by", "street", "--out", str(out_xlsx)]) == 0
    out, err = capsys.readouterr()
    assert "人工成本合计对比" in out and "两年一调（万元）" in out and "按街道" in out
    assert "已导出2027–2029年工资总额测算（基线、两年一调）" in err
    assert "情景「两年一调」：每2个合格年度晋升1级" in err  # what it changes, as the exports say
    book = load_workbook(out_xlsx)
    assert book.sheetnames == ["测算汇总", "基线", "1-两年一调"]
    summary = book["测算汇总"]
    assert "2027–2029年工资总额测算" in summary["A1"].value
    texts = [c.value for row in summary.iter_rows() for c in row if isinstance(c.value, str)]
    assert "制表人：" in texts and any(t.startswith("· 情景「两年一调」") for t in texts)
    assert main([*args, "--scenario", str(scenario), "--out", str(out_pdf)]) == 0
    assert out_pdf.read_bytes().startswith(b"%PDF")


def test_budget_refuses_bad_files(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    args = ["--db", demo_db, "plan", "budget", "--years", "1"]
    assert main([*args, "--scenario", str(broken)]) == 1
    assert "不是有效的 JSON" in capsys.readouterr().err
    typo = tmp_path / "typo.json"
    typo.write_text(
        json.dumps({"name": "x", "raise": {"rate": "5%", "from": "2027-01-01"}}), "utf-8"
    )
    assert main([*args, "--scenario", str(typo)]) == 1
    assert "raise.rate应为数字" in capsys.readouterr().err
    assert main([*args, "--out", str(tmp_path / "b.docx")]) == 1
    assert "须保存为 .xlsx 或 .pdf" in capsys.readouterr().err


def test_stats_count_retirements_per_year_ahead(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", demo_db, "stats", "--json", "--as-of", "2026-06-30"]) == 0
    ahead = json.loads(capsys.readouterr().out)["retirements_by_year"]
    assert list(ahead) == ["2027", "2028", "2029", "2030", "2031"]
    assert main(["--db", demo_db, "plan", "retirements", "--as-of", "2027-01-01", "--json"]) == 0
    per_year = json.loads(capsys.readouterr().out)["per_year"]
    assert per_year == ahead


def test_a_new_scale_from_a_date(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scale table named by the scenario (beside it), in force from 2028: 2027 is the baseline."""
    db = Database.open(demo_db)
    with db.reading() as session:
        scale = scale_in_force(session, dt.date(2027, 1, 1))
    db.close()
    assert scale is not None
    raised = ["post,level,monthly_pay"] + [
        f"{post},{level},{pay + 100}" for (post, level), pay in sorted(scale.amounts.items())
    ]
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "new.csv").write_text("\n".join(raised) + "\n", "utf-8")
    scenario = tmp_path / "tables" / "scale.json"
    scenario.write_text(
        json.dumps({"name": "新标准", "scale": {"from": "2028-01-01", "file": "new.csv"}}), "utf-8"
    )
    args = ["--db", demo_db, "plan", "budget", "--years", "2", "--from", "2027"]
    assert main([*args, "--scenario", str(scenario), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    difference = document["scenarios"][0]["difference"]
    assert Decimal(difference["2027"]) == 0
    assert Decimal(difference["2028"]) > Decimal(100 * 12 * 100)  # over 100 people, with 五险一金
