"""The 调级通知 PDF: one page per person who moves, Chinese extractable, the font embedded."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from reports.adjustment.notice_pdf import write_notices
from tests.reports.adjustment.test_run_xlsx import LINES, OVERVIEW
from workforce.domain.problems import ActionRefused

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler missing")


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_one_notice_per_mover_with_reasons_and_embedded_font(tmp_path: Path) -> None:
    path = tmp_path / "notices.pdf"
    result = write_notices(path, OVERVIEW, LINES)
    # lines 1, 2 and 5 move; 3 is blocked and 4 excluded: no notice for them
    assert result.pages == 3
    text = _run("pdftotext", "-layout", str(path), "-")
    pages = text.split("\f")[:-1]
    assert len(pages) == 3
    first = pages[0]
    assert "2026年度社区工作者岗位等级调整通知书" in first
    assert "测试1同志" in first
    assert "150102********001X" in first  # masked by default
    assert "其他社区工作者 3级" in first and "其他社区工作者 4级" in first
    assert "+170.00 元" in first and "+2,040.00 元" in first
    assert "任职年限晋级：2023–2025 连续三年称职" in first
    assert "2026年1月1日" in first and "盖章" in first and "签收人" in first
    assert "经复核调整为6级" in pages[2]  # the clerk's override is said
    if result.font.embedded:
        fonts = _run("pdffonts", str(path)).splitlines()[2:]
        assert fonts and all(" yes yes " in row for row in fonts)  # embedded, subset


def test_monthly_amounts_when_the_scale_is_given_and_nobody_moving_is_refused(
    tmp_path: Path,
) -> None:
    from workforce.domain.scale import PostRange, ScaleVersion

    scale = ScaleVersion(
        OVERVIEW.effective_date,
        (PostRange("staff", "其他社区工作者", 1, 12),),
        {("staff", n): Decimal(3398 + 170 * (n - 1)) for n in range(1, 13)},
    )
    path = tmp_path / "one.pdf"
    write_notices(path, OVERVIEW, LINES[:1], scale=scale, masked=False)
    text = _run("pdftotext", "-layout", str(path), "-")
    assert "3,738.00 元" in text and "3,908.00 元" in text
    assert LINES[0].id_number in text
    with pytest.raises(ActionRefused, match="没有调整等级的人员"):
        write_notices(tmp_path / "none.pdf", OVERVIEW, [replace(LINES[0], excluded=True)])
