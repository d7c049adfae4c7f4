"""The statistics exports of the hand-computed population: the workbook read back with openpyxl
(values, percentage formats, totals that carry their values, native charts) and the PDF read back
with poppler (Chinese extractable, every font embedded)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from reports.stats.pdf import write_stats_pdf
from reports.stats.xlsx import write_stats_workbook
from tests.stats_samples import UNITS, sample_report
from workforce.domain.stats.report import RetirementsAhead

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "stats.xlsx"
    write_stats_workbook(path, sample_report())
    return path


def test_indicators_sheet_has_every_unit_with_last_year_and_the_change(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook, data_only=True)
    assert book.sheetnames == ["指标", "等级分布", "年龄结构", "调级与人工成本", "退休预测", "说明"]
    sheet = book["指标"]
    assert sheet["A1"].value == "示范地区社区工作者统计表"
    assert "2025年12月31日" in sheet["A2"].value
    assert sheet["A4"].value == "单位"  # over both header rows
    assert [sheet.cell(5, col).value for col in (4, 7, 14, 20)] == [
        "在岗人数", "平均年龄\n（岁）", "在岗人数", "在岗人数\n（人）"
    ]  # fmt: skip
    assert sheet["D4"].value.startswith("本期") and sheet["N4"].value.startswith("上年同期")
    units = [sheet.cell(row, 1).value for row in range(6, 16)]
    assert units == ["示范地区", *(u.name for u in UNITS if u.kind != "grid")]
    assert [sheet.cell(row, 2).value for row in (6, 7, 8, 9)] == ["合计", "区/旗县", "街道", "社区"]
    assert sheet["C9"].value == "一街"  # 甲社区's street
    total = {col: sheet.cell(6, col) for col in range(4, 26)}
    assert total[4].value == 6 and total[7].value == 32.5
    assert total[6].value == pytest.approx(0.833) and total[6].number_format == "0.0%"
    assert total[14].value == 6 and total[16].value == 36.7
    assert total[20].value == 0 and total[22].value == -4.2
    assert total[21].number_format == "+0.0;-0.0;0.0"
    second_street = [sheet.cell(11, col).value for col in (1, 4, 14, 20, 22)]
    assert second_street == ["二街", 1, 0, 1, "—"]  # nobody a year earlier: no comparison
    assert sheet.freeze_panes == "B6"
    assert sheet.auto_filter.ref == "A5:Y15"


def test_level_and_pyramid_sheets_with_totals_that_carry_values(workbook: Path) -> None:
    values = openpyxl.load_workbook(workbook, data_only=True)
    formulas = openpyxl.load_workbook(workbook)
    levels = values["等级分布"]
    assert [levels.cell(4, col).value for col in range(1, 7)] == [
        "等级", "社区正职", "社区副职", "其他社区工作者", "专职网格员", "合计"
    ]  # fmt: skip
    rows = {levels.cell(r, 1).value: r for r in range(5, levels.max_row + 1)}
    assert levels.cell(rows["10级"], 2).value == 1
    assert levels.cell(rows["1级"], 2).value is None  # outside 社区正职's range: blank
    assert levels.cell(rows["合计"], 4).value == 3 and levels.cell(rows["合计"], 6).value == 6
    assert formulas["等级分布"].cell(rows["合计"], 6).value.startswith("=SUM(")
    pyramid = values["年龄结构"]
    bands = {pyramid.cell(r, 1).value: r for r in range(5, 16)}
    assert [pyramid.cell(bands["30-34岁"], c).value for c in (2, 3, 4)] == [1, 1, 2]
    assert pyramid.cell(bands["30-34岁"], 5).value == pytest.approx(1 / 3)
    assert pyramid.cell(bands["合计"], 4).value == 6
    assert pyramid.column_dimensions["G"].hidden
    costs = values["调级与人工成本"]
    texts = {costs.cell(r, 1).value: r for r in range(1, costs.max_row + 1)}
    assert costs.cell(texts["2025年"], 2).value == 3
    assert costs.cell(texts["2025年"], 4).value == 0.61  # 6,120 元 in 万元
    december = texts["2025年12月"]
    assert costs.cell(december, 6).value == 41850  # 31,900 + 9,950
    assert costs.cell(texts["合计"], 6).value == pytest.approx(82850.75)
    with zipfile.ZipFile(workbook) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 3  # levels, pyramid, payroll cost


def test_retirements_per_year_ahead_by_district(workbook: Path) -> None:
    values = openpyxl.load_workbook(workbook, data_only=True)["退休预测"]
    formulas = openpyxl.load_workbook(workbook)["退休预测"]
    assert values["A1"].value == "示范地区今后5年达到法定退休年龄人数"
    rows = [[values.cell(r, c).value for c in range(1, 8)] for r in range(4, 8)]
    assert rows == [
        ["区", "2026年", "2027年", "2028年", "2029年", "2030年", "合计"],
        ["一区", 1, 0, 2, 0, 0, 3],
        ["二区", 0, 0, 0, 1, 3, 4],
        ["合计", 1, 0, 2, 1, 3, 7],
    ]
    assert formulas["G5"].value == "=SUM(B5:F5)" and formulas["B7"].value == "=SUM(B5:B6)"


@needs_poppler
def test_pdf_text_is_chinese_and_every_font_is_embedded(tmp_path: Path) -> None:
    target = tmp_path / "stats.pdf"
    font = write_stats_pdf(target, sample_report())
    assert font.embedded, "no TrueType CJK font on this machine"
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], check=True, capture_output=True, text=True
    ).stdout
    for expected in (
        "示范地区社区工作者统计表",
        "本科以上学历占比",
        "83.3%（5人）",
        "+16.6 个百分点",
        "-4.2 岁",
        "岗位等级分布（人）",
        "年龄结构（人）",
        "30-34岁",
        "一区",
        "二区",
        "6,120.00",
        "2025年12月",
        "今后5年达到法定退休年龄人数",
        "2030年",
        "填报单位（盖章）",
        "第 1 页，共",
    ):
        assert expected in text, expected
    fonts = subprocess.run(
        ["pdffonts", str(target)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts


@needs_poppler
def test_pdf_of_a_street_lists_its_communities(tmp_path: Path) -> None:
    target = tmp_path / "street.pdf"
    write_stats_pdf(target, sample_report(UNITS[1], frozenset({3, 4})))
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "合计（一街）" in text and "甲社区" in text and "乙社区" in text
    assert "二区" not in text


@pytest.mark.parametrize(
    ("ahead", "said"),
    [
        (RetirementsAhead(), "按网格统计时不列退休预测"),
        (RetirementsAhead((2026, 2027, 2028, 2029, 2030)), "没有在职、试用人员"),
    ],
)
def test_retirements_say_why_there_is_no_table(
    tmp_path: Path, ahead: RetirementsAhead, said: str
) -> None:
    path = tmp_path / "stats.xlsx"
    write_stats_workbook(path, replace(sample_report(), retirements=ahead))
    sheet = openpyxl.load_workbook(path)["退休预测"]
    assert sheet["A5"].value == said
