"""Roster import at city scale: read, plan and apply an 11,500-row sheet on SQLite.

    python bench/bench_roster_import.py [--rows 11500]

Builds the sheet with xlsxwriter in the canonical columns (12 streets, 10 communities each, grids),
then times: calamine's raw read, ``read_workbook``, the dry run on an empty database (all new),
the import, the dry run of the same sheet again (all unchanged), a re-import where one row in ten
changes its level and phone, and the export.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import python_calamine
import xlsxwriter

from reports.roster.xlsx import write_roster
from reports.xlsx_reader import pick_roster_sheet, read_workbook
from workforce.domain.idcard import make_id_number
from workforce.domain.roster.columns import COLUMNS
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database
from workforce.services.roster.export import roster_for_export
from workforce.services.roster.importing import apply_roster_import, plan_roster_import
from workforce.services.system.setup import initialise

T = TypeVar("T")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红"
POSTS = (("其他社区工作者", 1, 12), ("社区副职", 4, 15), ("社区正职", 7, 18), ("专职网格员", 1, 12))


def build_sheet(path: Path, rows: int, *, seed: int = 7, changed_every: int = 0) -> None:
    rng = random.Random(seed)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("花名册")
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, [c.header for c in COLUMNS])
    keys = [c.key for c in COLUMNS]
    for i in range(rows):
        birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(13000))
        male = rng.random() < 0.4
        post, low, high = POSTS[0] if rng.random() < 0.7 else rng.choice(POSTS)
        level = rng.randint(low, high)
        phone = f"13{rng.randrange(10**9):09d}"
        if changed_every and i % changed_every == 0:
            level = low if level != low else low + 1
            phone = f"15{i:09d}"
        values = {
            "seq": i + 1,
            "street": f"第{i % 12 + 1}街道",
            "community": f"第{i % 120 + 1}社区",
            "grid": f"第{i % 600 + 1}网格" if post == "专职网格员" else None,
            "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
            "sex": "男" if male else "女",
            "ethnicity": "汉族" if rng.random() < 0.8 else "蒙古族",
            "id_number": make_id_number(f"{150100 + i // 500}", birth, i, male),
            "birth_date": birth,
            "political_status": rng.choice(["中共党员", "群众", "共青团员"]),
            "highest_education": rng.choice(["大专", "本科", "本科", "硕士"]),
            "community_start_date": dt.date(2010 + i % 14, 1 + i % 12, 1),
            "post": post,
            "level": level,
            "certificate_level": "助理社会工作师" if i % 3 == 0 else None,
            "certificate_obtained": dt.date(2019, 6, 16) if i % 3 == 0 else None,
            "phone": phone,
            "status": "在职",
        }
        for col, key in enumerate(keys):
            value = values.get(key)
            if isinstance(value, dt.date):
                sheet.write_datetime(i + 1, col, value, date)
            elif isinstance(value, int):
                sheet.write_number(i + 1, col, value)
            elif value is not None:
                sheet.write_string(i + 1, col, value)
    book.close()


def timed(label: str, action: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = action()
    print(f"{label:<46} {time.perf_counter() - start:6.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=11_500)
    rows = parser.parse_args().rows
    with tempfile.TemporaryDirectory() as folder:
        sheet_path = Path(folder) / "roster.xlsx"
        changed_path = Path(folder) / "changed.xlsx"
        build_sheet(sheet_path, rows)
        build_sheet(changed_path, rows, changed_every=10)
        db = Database.open(f"sqlite:///{Path(folder) / 'bench.db'}")
        initialise(db)
        actor = actor_for(db)
        print(f"{rows:,} rows, {len(COLUMNS)} columns, SQLite")

        def raw_read() -> object:
            with python_calamine.CalamineWorkbook.from_path(str(sheet_path)) as book:
                return book.get_sheet_by_index(0).to_python(skip_empty_area=False)

        timed("python-calamine raw read", raw_read)
        grid = timed(
            "read_workbook (SheetGrid)", lambda: pick_roster_sheet(read_workbook(sheet_path))
        )
        plan = timed("plan, empty database (all new)", lambda: plan_roster_import(db, actor, grid))
        assert not plan.has_errors and len(plan.creates) == rows, plan.problems[:3]
        result = timed("apply (create all)", lambda: apply_roster_import(db, actor, grid))
        print(f"  created {result.created}, new units {len(result.new_units)}")
        again = timed("plan again (all unchanged)", lambda: plan_roster_import(db, actor, grid))
        assert again.unchanged == rows, (again.unchanged, again.problems[:3])
        changed = pick_roster_sheet(read_workbook(changed_path))
        plan = timed("plan, 1 row in 10 changed", lambda: plan_roster_import(db, actor, changed))
        print(f"  updates {len(plan.updates)}, unchanged {plan.unchanged}")
        result = timed(
            "apply, 1 row in 10 changed", lambda: apply_roster_import(db, actor, changed)
        )
        export_rows = timed("roster rows for export", lambda: roster_for_export(db, actor))
        out = Path(folder) / "export.xlsx"
        timed("write_roster (xlsxwriter)", lambda: write_roster(out, export_rows))
        db.close()


if __name__ == "__main__":
    main()
