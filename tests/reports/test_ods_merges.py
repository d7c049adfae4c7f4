"""An .ods roster reads as the same roster saved as .xlsx: its merged title and a 街道 merged down
its people (python-calamine reports no merged cells of an .ods; ``reports.ods_merges`` does)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from reports.ods_merges import ods_merges
from reports.xlsx_reader import read_workbook

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _cell(text: str, **spans: int) -> str:
    attributes = "".join(f' table:number-{k.replace("_", "-")}="{v}"' for k, v in spans.items())
    return (
        f'<table:table-cell office:value-type="string"{attributes}>'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def _row(*cells: str, repeated: int = 1) -> str:
    times = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"<table:table-row{times}>{''.join(cells)}</table:table-row>"


COVERED = "<table:covered-table-cell/>"
ROWS = (
    _row('<table:table-cell table:number-columns-repeated="3"/>', repeated=2),
    _row(
        _cell("2026年社区工作者花名册", columns_spanned=3, rows_spanned=1),
        '<table:covered-table-cell table:number-columns-repeated="2"/>',
    ),
    _row(_cell("街道"), _cell("姓名"), _cell("性别")),
    "<table:table-row-group>",
    _row(_cell("新华街道", rows_spanned=2), _cell("张伟"), _cell("男")),
    _row(COVERED, _cell("李娜"), _cell("女")),
    "</table:table-row-group>",
)
NAMESPACES = " ".join(
    f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}:1.0"'
    for prefix, name in [("office", "office"), ("table", "table"), ("text", "text")]
)
CONTENT = (
    f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} '
    'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="花名册">'
    '<table:table-column table:number-columns-repeated="3"/>'
    f"{''.join(ROWS)}</table:table></office:spreadsheet></office:body></office:document-content>"
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods(path: Path) -> Path:
    """A minimal OpenDocument spreadsheet, written by hand: rows 1–2 empty (one repeated row),
    a title merged over A3:C3, a 街道 merged down A5:A6."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", CONTENT)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
    return path


def test_an_ods_merged_title_and_street_read_as_from_an_xlsx(tmp_path: Path) -> None:
    path = _ods(tmp_path / "花名册.ods")
    assert ods_merges(path) == {"花名册": [((2, 0), (2, 2)), ((4, 0), (5, 0))]}
    (grid,) = read_workbook(path)
    assert grid.rows[2] == ("2026年社区工作者花名册",) * 3
    assert grid.rows[5] == ("新华街道", "李娜", "女")  # the street merged down to 李娜
    assert grid.merged == ((2, 0, 2, 2), (4, 0, 5, 0))


def test_the_messy_roster_reads_the_same_from_ods_and_xls() -> None:
    """The fixtures LibreOffice saved from one workbook (soffice --convert-to xls|ods)."""
    (ods,) = read_workbook(FIXTURES / "roster-messy.ods")
    (xls,) = read_workbook(FIXTURES / "roster-messy.xls")
    assert ods.merged == xls.merged
    assert ods.rows[0][:3] == xls.rows[0][:3]  # the title over the whole width
    assert [r[1] for r in ods.rows[3:6]] == [r[1] for r in xls.rows[3:6]]  # 街道 down three rows


def test_a_damaged_content_xml_gives_no_merges(tmp_path: Path) -> None:
    path = tmp_path / "坏.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", "<office:document-content")
    assert ods_merges(path) == {}
