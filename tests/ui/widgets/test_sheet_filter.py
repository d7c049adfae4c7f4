"""The import dialogs offer every file the reader reads: .xls from WPS, .ods from LibreOffice."""

from __future__ import annotations

import pytest

from reports.xlsx_reader import EXCEL_SUFFIXES

pytestmark = pytest.mark.gui


def test_the_file_filter_names_every_format_the_reader_reads() -> None:
    from ui.desktop.widgets.sheet_import import SHEET_PATTERNS, sheet_filter

    offered = {pattern.removeprefix("*") for pattern in SHEET_PATTERNS.split()}
    assert offered == {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}
    assert offered - {".csv"} <= EXCEL_SUFFIXES
    assert sheet_filter("花名册").startswith("花名册 (*.xlsx *.xlsm *.xls *.ods *.csv);;")
