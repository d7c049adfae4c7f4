"""Files no clerk meant to send: damaged, not a workbook, a zip bomb, a 1 MB cell, formulas,
hidden sheets, NUL characters. Each is refused with a Chinese message naming the file, or
imported correctly; the bomb is refused before anything is inflated."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine
from sqlalchemy import select

from reports import xlsx_reader
from reports.xlsx_reader import pick_roster_sheet, read_workbook
from tests.factories import make_id
from tests.hostile.importers import IMPORTERS, TODAY, Outcomes, feed, row_counts
from tests.services.payroll_support import community, hire
from workforce.domain.problems import ActionRefused
from workforce.domain.sheet import SheetGrid
from workforce.persistence.people import Worker
from workforce.services.context import Actor, Database
from workforce.services.roster.importing import apply_roster_import, plan_roster_import

ROSTER = IMPORTERS[0]
HEADER = ("姓名", "身份证号", "性别", "出生日期", "街道", "社区", "岗位", "岗位等级", "最高学历")


def _person(name: object, n: int = 1) -> tuple[object, ...]:
    return (name, make_id(30 + n), "男", "1990-05-17", "新华街道", "光明社区", "网格员", 3, "本科")


def _roster(path: Path, *rows: tuple[object, ...]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return _roster(tmp_path / "花名册.xlsx", _person("王芳"))


def test_not_a_workbook_and_a_truncated_one_are_refused(tmp_path: Path, good: Path) -> None:
    fake = tmp_path / "假.xlsx"
    fake.write_bytes(b"<html>not a spreadsheet</html>" * 50)
    cut = tmp_path / "截断.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    for path in (fake, cut, empty):
        with pytest.raises(ActionRefused, match=f"「{path.name}」.*损坏"):
            read_workbook(path)


def _bomb(path: Path, megabytes: int) -> Path:
    """A valid workbook whose sheet XML is padded with megabytes of one repeated row."""
    source = _roster(path.with_suffix(".src.xlsx"), _person("王芳"))
    row = (
        b'<row><c t="inlineStr"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>'
    )
    chunk = row * (1024 * 1024 // len(row))
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for item in original.infolist():
            data = original.read(item)
            if item.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(item, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with bomb.open(item.filename, "w", force_zip64=True) as sheet:
                sheet.write(head)
                for _ in range(megabytes):
                    sheet.write(chunk)
                sheet.write(b"</sheetData>" + tail)
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _bomb(tmp_path_factory.mktemp("bomb") / "炸弹.xlsx", 420)


def test_a_zip_bomb_is_refused_before_it_is_inflated(
    bomb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bomb.stat().st_size < 5 * 1024 * 1024  # a few MB on disk, 420 MB inside

    def never(*_args: object) -> None:
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", never)
    with pytest.raises(ActionRefused, match=r"「炸弹\.xlsx」解压后有\d+ MB，超过上限400 MB"):
        read_workbook(bomb)


def test_a_dense_but_small_bomb_is_refused_by_its_ratio(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_reader, "MAX_UNPACKED_BYTES", 1 << 40)
    with pytest.raises(ActionRefused, match="压缩比异常"):
        read_workbook(_bomb(tmp_path / "密.xlsx", 40))


def test_a_large_honest_workbook_still_reads(tmp_path: Path) -> None:
    rows = [_person(f"人员{n}", n) for n in range(3000)]
    (sheet,) = read_workbook(_roster(tmp_path / "大.xlsx", *rows))
    assert len(sheet.rows) == 3001


def test_huge_cells_are_refused_with_the_row(db: Database, admin: Actor, tmp_path: Path) -> None:
    community(db, admin)
    text = "长" * 1_000_000
    csv_file = tmp_path / "超长.csv"
    csv_file.write_text(",".join(HEADER) + "\n" + ",".join(map(str, _person(text))) + "\n")
    with pytest.raises(ActionRefused, match=r"「超长\.csv」第2行：单元格内容过长"):
        read_workbook(csv_file)
    # Excel's own limit is 32,767 characters: such a name is read, then refused by the rules
    (sheet,) = read_workbook(_roster(tmp_path / "长.xlsx", _person("长" * 32_767)))
    before = row_counts(db)
    with pytest.raises(ActionRefused, match="第2行"):
        apply_roster_import(db, admin, sheet, today=TODAY)
    assert row_counts(db) == before


def test_formulas_are_never_imported_as_values(db: Database, admin: Actor, tmp_path: Path) -> None:
    community(db, admin)
    path = _roster(
        tmp_path / "公式.xlsx", _person('=HYPERLINK("http://x","张三")'), _person("李四", 2)
    )
    (sheet,) = read_workbook(path)
    plan = plan_roster_import(db, admin, sheet, today=TODAY)
    assert plan.problems and all(p.where.row == 2 for p in plan.problems if p.is_error)
    before = row_counts(db)
    with pytest.raises(ActionRefused):
        apply_roster_import(db, admin, sheet, today=TODAY)
    assert row_counts(db) == before


def test_a_hidden_sheet_does_not_shadow_the_visible_roster(tmp_path: Path) -> None:
    path = _roster(tmp_path / "隐藏.xlsx", _person("王芳"))
    book = openpyxl.load_workbook(path)
    decoy = book.create_sheet("旧名单", 0)
    decoy.append(HEADER)
    decoy.append(_person("旧人", 9))
    decoy.sheet_state = "hidden"
    book.save(path)
    assert pick_roster_sheet(read_workbook(path)).name == "Sheet"


def test_nul_characters_from_a_csv_do_not_reach_the_database(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    community(db, admin)
    path = tmp_path / "空字符.csv"
    path.write_text(",".join(HEADER) + "\n" + ",".join(map(str, _person("王\x00芳"))) + "\n")
    (sheet,) = read_workbook(path)
    assert apply_roster_import(db, admin, sheet, today=TODAY).created == 1
    with db.reading() as session:
        name = session.scalar(select(Worker.name).where(Worker.id_number == make_id(31)))
    assert name == "王芳"


def test_wrong_types_in_every_importer(db: Database, admin: Actor) -> None:
    """Dates as text and as numbers, numbers as dates, booleans and times where text goes."""
    community(db, admin)
    odd: tuple[object, ...] = (
        "2019年10月1日", 43739, dt.datetime(2020, 1, 1, 12),  # noqa: DTZ001
        dt.time(8, 30), True, 1e20, -0.0,
    )  # fmt: skip
    seen = Outcomes()
    for importer in IMPORTERS:
        header, *rows = importer.template
        for value in odd:
            for column in range(len(header)):
                grid_rows = [header, *((*r[:column], value, *r[column + 1 :]) for r in rows)]
                feed(db, admin, importer, SheetGrid("Sheet1", tuple(grid_rows)), seen)
    print(
        f"\n[fuzz] wrong types: tried={seen.tried} imported={seen.imported} refused={seen.refused}"
    )


@pytest.mark.parametrize("name", ["bases", "deductions", "pay items"])
def test_an_id_number_in_an_amount_column_is_refused(db: Database, admin: Actor, name: str) -> None:
    """Found by the long fuzz run: an 18-digit number as an amount overflowed the fen column."""
    importer = next(i for i in IMPORTERS if i.name == name)
    header, first, *rest = importer.template
    column = next(
        c for c, label in enumerate(header) if "金额" in str(label) or "基数" in str(label)
    )
    unit = community(db, admin)
    for n in (1, 2, 3):
        hire(db, admin, unit, n)
    before = row_counts(db)
    for value in (make_id(1), 1e26, "1E+400"):  # 1e26 overflowed the decimal context itself
        broken = (*first[:column], value, *first[column + 1 :])
        with pytest.raises(ActionRefused, match="超出合理金额范围"):
            importer.apply(db, admin, SheetGrid("Sheet1", (header, broken, *rest)))
    assert row_counts(db) == before
