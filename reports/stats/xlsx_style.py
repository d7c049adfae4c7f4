"""Cell formats, page set-up and axis bounds shared by the statistics workbook's sheets (and
the PDF's charts)."""

from __future__ import annotations

from typing import Any

A4 = 9
KIND_NAMES = {
    "all": "合计",
    "district": "区/旗县",
    "street": "街道",
    "community": "社区",
    "grid": "网格",
}
NUMBER_FORMATS = {
    "text": "@",
    "dash": "@",
    "count": "#,##0",
    "signed_count": "+#,##0;-#,##0;0",
    "percent": "0.0%",
    "age": "0.0",
    "points": "+0.0;-0.0;0.0",
    "money": "#,##0.00",
}
TOTAL_FILL, HEADER_FILL, DISTRICT_FILL = "#FFF2CC", "#DDEBF7", "#F2F2F2"


class Formats:
    """The workbook's formats, made once each (xlsxwriter keeps every format object)."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        border = {"border": 1, "valign": "vcenter"}
        self._border = border
        self.title = workbook.add_format(
            {"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"}
        )
        self.note = workbook.add_format({"font_color": "#595959", "align": "left"})
        self.header = workbook.add_format(
            {**border, "bold": True, "bg_color": HEADER_FILL, "align": "center", "text_wrap": True}
        )
        self.label = workbook.add_format({"bold": True})
        self._cells: dict[tuple[str, bool], Any] = {}
        self._units: dict[tuple[int, bool], Any] = {}

    def cell(self, kind: str, *, total: bool = False) -> Any:
        """A bordered cell of a kind of ``NUMBER_FORMATS``; bold on a yellow fill for a total."""
        key = (kind, total)
        if key not in self._cells:
            spec: dict[str, Any] = {**self._border, "num_format": NUMBER_FORMATS[kind]}
            if kind == "dash":
                spec["align"] = "center"
            if total:
                spec.update(bold=True, bg_color=TOTAL_FILL)
            self._cells[key] = self.workbook.add_format(spec)
        return self._cells[key]

    def unit(self, depth: int, *, total: bool = False) -> Any:
        """A unit's name, indented by its depth below the scope; districts on a grey fill."""
        key = (depth, total)
        if key not in self._units:
            spec: dict[str, Any] = {**self._border, "indent": max(depth - 1, 0)}
            if total:
                spec.update(bold=True, bg_color=TOTAL_FILL)
            elif depth == 1:
                spec.update(bold=True, bg_color=DISTRICT_FILL)
            self._units[key] = self.workbook.add_format(spec)
        return self._units[key]


def nice_bound(value: float) -> int:
    """A round chart-axis bound at or above ``value``: 1, 2 or 5 times a power of ten."""
    bound = 1
    while True:
        for step in (1, 2, 5):
            if step * bound >= value:
                return step * bound
        bound *= 10


def print_setup(sheet: Any, title: str, header_rows: int) -> None:
    """A4 landscape, fit to the page width, the header rows repeated, page N of M."""
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_header(f'&C&"-,Bold"{title}')
    sheet.set_footer("&C第 &P 页，共 &N 页")
    if header_rows:
        sheet.repeat_rows(0, header_rows - 1)
