"""The printed roster: Chinese text extractable, font embedded, page N of M, summary, order."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from reports.roster.pdf import RosterDocument, page_count, rows_per_page, write_roster_pdf
from tests.factories import make_worker
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.printing import roster_for_print
from workforce.services.roster.workers import create_worker

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def _roster(db: Database, admin: Actor, people: int) -> None:
    with db.transaction() as session:
        community = UnitResolver(session, admin, default_district_id(session)).resolve(
            "新华街道", "光明社区", None
        )[0]
    for number in range(1, people + 1):
        post, level = ("principal", 9) if number == people else ("staff", 1 + number % 12)
        create_worker(
            db,
            admin,
            make_worker(community, number, name=f"职工{number:03d}", post=post, level=level),
        )


def test_page_count_leaves_room_for_the_closing_block() -> None:
    per_page = rows_per_page()
    assert page_count(0) == 1
    assert page_count(per_page - 5) == 1  # five free rows hold the summary and signatures
    assert page_count(per_page - 4) == 2  # four do not: they get a page of their own
    assert page_count(per_page * 3) == 4


@needs_poppler
def test_roster_pdf_of_a_community(sqlite_db: Database, tmp_path: Path) -> None:
    from workforce.services.accounts.acting_user import actor_for

    admin = actor_for(sqlite_db)
    _roster(sqlite_db, admin, 40)
    roster = roster_for_print(sqlite_db, admin, as_of=dt.date(2026, 11, 25))
    assert roster.rows[0].post == "principal"  # 正职 first, as clerks list them
    target = tmp_path / "roster.pdf"
    font = write_roster_pdf(
        target,
        roster.rows,
        RosterDocument(roster.title, roster.unit, roster.as_of, roster.summary),
    )
    text = _text(target)
    assert "示范地区社区工作者花名册" in text
    assert "职工040" in text and "职工001" in text
    assert "150102********" in text  # ID numbers masked by default
    pages = page_count(40)
    assert f"第 {pages} 页，共 {pages} 页" in text
    assert "合计40人；本科以上学历占100.0%" in text
    assert "填报单位（盖章）" in text
    fonts = subprocess.run(
        ["pdffonts", str(target)], check=True, capture_output=True, text=True
    ).stdout
    if font.embedded:
        cjk = [line for line in fonts.splitlines() if font.name in line or "+" in line]
        assert cjk and all(" yes yes " in line for line in cjk)
        assert "Helvetica" not in fonts


@needs_poppler
def test_record_card_of_one_worker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ui.cli.main import main

    db = tmp_path / "w.db"
    assert main(["--db", str(db), "demo", "--workers", "60", "--seed", "3"]) == 0
    database = Database.open(f"sqlite:///{db}")
    from workforce.services.accounts.acting_user import actor_for

    rows = roster_for_print(database, actor_for(database)).rows
    database.close()
    person = rows[0]
    target = tmp_path / "card.pdf"
    capsys.readouterr()
    assert main(["--db", str(db), "card", person.id_number, str(target)]) == 0
    text = _text(target)
    assert "社区工作者个人档案表" in text
    assert person.name.replace(" ", "") in text.replace(" ", "")
    for section in ("学历", "岗位等级变动", "年度考核", "职业资格证书", "培训", "人员状态"):
        assert section in text
    assert person.id_number not in text  # masked
    assert main(["--db", str(db), "card", "11010519491231002X", str(target)]) == 1
    assert "没有身份证号为" in capsys.readouterr().err


def test_cells_are_the_operators_reportlab_writes(sqlite_db: Database, tmp_path: Path) -> None:
    """The cached cell writer emits exactly what setTextOrigin + textOut would (same look)."""
    from reportlab.pdfgen.canvas import Canvas

    from reports.fonts import cjk_font
    from reports.roster.pdf import (
        PAGE_HEIGHT,
        PAGE_WIDTH,
        ROW_HEIGHT,
        TEXT_SIZE,
        _CellText,
        _Fitter,
        _scaled_columns,
    )
    from workforce.services.accounts.acting_user import actor_for

    admin = actor_for(sqlite_db)
    _roster(sqlite_db, admin, 12)
    rows = roster_for_print(sqlite_db, admin, as_of=dt.date(2026, 11, 25)).rows
    font, columns = cjk_font(), _scaled_columns()
    ours = _CellText(Canvas(str(tmp_path / "a.pdf")), font.name, columns)
    reference = Canvas(str(tmp_path / "b.pdf"), pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    fit = _Fitter(font.name, TEXT_SIZE)
    for mask in (True, False):  # twice: the second time every text comes from the cache
        code, bottom = ours.page(rows, 1, 500.0, mask)
        text, y = reference.beginText(), 500.0
        text.setFont(font.name, TEXT_SIZE)
        for index, row in enumerate(rows, 1):
            for column, x, width in columns:
                shown, measured = fit(column.text(row, index, mask), width - 4)
                text.setTextOrigin(x + (width - measured) / 2 if column.centred else x + 2, y - 11)
                text.textOut(shown)
            y -= ROW_HEIGHT
        assert code == text.getCode()
        assert bottom == y
