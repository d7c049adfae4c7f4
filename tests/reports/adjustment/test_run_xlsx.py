"""The adjustment workbook for finance: sheets, totals as formulas that also carry their values,
frozen header, autofilter, A4 landscape."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from reports.adjustment.run_xlsx import write_adjustment_workbook
from workforce.services.adjustment.views import GroupTotal, RunLine, RunOverview


def line(n: int, **overrides: Any) -> RunLine:
    base: dict[str, Any] = {
        "item_id": n,
        "worker_id": n,
        "id_number": f"15010219900517{n:03d}X"[:18],
        "name": f"测试{n}",
        "district": "示范区",
        "street": "新华街道" if n < 3 else "锡林街道",
        "community": "光明社区",
        "old_post": "staff",
        "old_post_name": "其他社区工作者",
        "old_level": 3,
        "new_post": "staff",
        "new_post_name": "其他社区工作者",
        "new_level": 4,
        "proposed_level": 4,
        "reasons": ("任职年限晋级：2023–2025 连续三年称职，晋升1级",),
        "notes": (),
        "monthly_delta": Decimal("170.00"),
        "yearly_delta": Decimal("2040.00"),
        "excluded": False,
        "override_reason": "",
    }
    base.update(overrides)
    return RunLine(**base)


LINES = [
    line(1),
    line(
        2,
        new_level=5,
        proposed_level=5,
        monthly_delta=Decimal("340.50"),
        yearly_delta=Decimal("4086.00"),
    ),
    line(3, new_level=3, notes=("缺少2025年度考核结果，该年不计入任职年限",), reasons=()),
    line(4, excluded=True, override_reason="待核实学历"),
    line(
        5, new_level=6, proposed_level=4, monthly_delta=Decimal("510"), yearly_delta=Decimal("6120")
    ),
]
OVERVIEW = RunOverview(
    run_id=7,
    year=2026,
    effective_date=dt.date(2026, 1, 1),
    status="approved",
    status_name="已审核",
    scale_name="示范地区标准",
    scale_effective_date=dt.date(2020, 1, 1),
    prepared_by="录入员",
    prepared_at=dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC),
    approved_by="审核员",
    approved_at=dt.datetime(2026, 1, 6, 9, 0, tzinfo=dt.UTC),
    applied_by=None,
    applied_at=None,
    reverted_by=None,
    reverted_at=None,
    items=5,
    person_times=3,
    yearly_cost=Decimal("12246.00"),
    blocked=1,
    excluded=1,
    overridden=1,
    by_district=(GroupTotal("示范区", 3, Decimal("12246.00")),),
    by_street=(
        GroupTotal("示范区/新华街道", 2, Decimal("6126.00")),
        GroupTotal("示范区/锡林街道", 1, Decimal("6120.00")),
    ),
    by_post=(GroupTotal("其他社区工作者", 3, Decimal("12246.00")),),
)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "plan.xlsx"
    write_adjustment_workbook(path, OVERVIEW, LINES)
    return path


def labelled(sheet: Any) -> dict[str, Any]:
    """Column A label → column B cell of the 汇总 sheet's first block."""
    return {row[0].value: row[1] for row in sheet.iter_rows(max_col=2) if row[0].value}


def test_summary_sheet_figures_are_formulas_with_cached_values(workbook: Path) -> None:
    formulas = openpyxl.load_workbook(workbook)
    values = openpyxl.load_workbook(workbook, data_only=True)
    assert formulas.sheetnames == ["汇总", "明细"]
    summary, cached = labelled(formulas["汇总"]), labelled(values["汇总"])
    assert summary["调级人次"].value.startswith("=")
    assert cached["调级人次"].value == 3
    assert cached["年度增加资金（元）"].value == pytest.approx(12246.00)
    assert summary["年度增加资金（万元）"].value.startswith("=ROUND(")
    assert cached["年度增加资金（万元）"].value == pytest.approx(1.22)
    assert cached["未能晋级（受阻）人数"].value == 1
    assert cached["排除人数"].value == 1
    assert cached["批次"].value == "7（已审核）"
    totals = [row for row in formulas["汇总"].iter_rows() if row[0].value == "合计"]
    cached_totals = [row for row in values["汇总"].iter_rows() if row[0].value == "合计"]
    assert len(totals) == 3  # by district, street and post
    for formula_row, value_row in zip(totals, cached_totals, strict=True):
        assert formula_row[1].value.startswith("=SUM(")
        assert formula_row[2].value.startswith("=SUM(")
        assert value_row[1].value == 3
        assert value_row[2].value == pytest.approx(12246.00)
        assert value_row[3].value == pytest.approx(1.22)
    streets = [row[0].value for row in values["汇总"].iter_rows() if row[0].value]
    assert "示范区/锡林街道" in streets


def test_detail_sheet_has_one_row_a_person_and_summed_totals(workbook: Path) -> None:
    detail = openpyxl.load_workbook(workbook)["明细"]
    cached = openpyxl.load_workbook(workbook, data_only=True)["明细"]
    header = [c.value for c in detail[1]]
    assert header[:6] == ["序号", "区/旗县", "街道", "社区", "姓名", "身份证号"]
    rows = list(cached.iter_rows(min_row=2, values_only=True))
    people, total = rows[:-1], rows[-1]
    assert [r[4] for r in people] == ["测试1", "测试2", "测试3", "测试4", "测试5"]
    status = header.index("状态")
    assert [r[status] for r in people] == ["调级", "调级", "受阻", "排除", "调整等级"]
    reasons = header.index("调级原因")
    assert people[0][reasons].startswith("任职年限晋级：2023–2025 连续三年称职")
    assert people[3][header.index("处理意见")] == "待核实学历"
    yearly = header.index("年增资（元）")
    assert people[3][yearly] == 0  # an excluded person costs nothing
    assert total[0] == "合计"
    assert total[header.index("计入人次")] == 3
    assert total[yearly] == pytest.approx(12246.00)
    assert total[header.index("月增资（元）")] == pytest.approx(1020.50)
    formula = [c.value for c in detail[len(LINES) + 2]]
    assert formula[yearly] == "=SUM(M2:M6)"
    assert detail.freeze_panes == "A2"
    assert detail.auto_filter.ref == "A1:Q6"
    assert detail.page_setup.orientation == "landscape"
    assert detail.page_setup.paperSize == 9
    assert detail.print_title_rows == "$1:$1"


def test_an_empty_run_still_has_totals(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    empty = OVERVIEW.__class__(
        **{
            **{f: getattr(OVERVIEW, f) for f in OVERVIEW.__dataclass_fields__},
            "person_times": 0,
            "yearly_cost": Decimal(0),
            "by_district": (),
            "by_street": (),
            "by_post": (),
        }
    )
    write_adjustment_workbook(path, empty, [])
    cached = labelled(openpyxl.load_workbook(path, data_only=True)["汇总"])
    assert cached["调级人次"].value == 0
    assert cached["年度增加资金（元）"].value == 0
