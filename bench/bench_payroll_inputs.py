"""The payroll input screens' reads and writes on a district (issue 4): a month's items and the
special deduction declarations of every worker, as the items grid and the deductions screen load
them, and the dry run of an items sheet with one row per worker.

Run by hand (not by pytest)::

    PYTHONPATH=. python bench/bench_payroll_inputs.py [--workers 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.sheet import SheetGrid
from workforce.persistence.people import Worker
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database
from workforce.services.payroll.deduction_edits import declarations
from workforce.services.payroll.deduction_io import apply_deduction_import
from workforce.services.payroll.item_edits import month_items, plan_item_import, remove_items
from workforce.services.payroll.items import add_items
from workforce.services.system.demo import generate_demo
from workforce.services.system.setup import initialise

JANUARY = dt.date(2026, 1, 1)


def timed(what: str, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = work()
    print(f"{what:<48} {time.perf_counter() - start:7.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(f"sqlite:///{Path(folder) / 'bench.db'}")
        initialise(db)
        admin = actor_for(db)
        generate_demo(db, admin, workers=args.workers, seed=args.seed, today=dt.date(2025, 12, 31))
        with db.reading() as session:
            people = session.execute(select_people()).all()
        entries = [ItemEntry(n, JANUARY, "取暖补贴", Decimal("300")) for n, _name in people]
        ids = timed(f"add_items ({len(entries)} items)", lambda: add_items(db, admin, entries))
        listed = timed("month_items (items grid load)", lambda: month_items(db, admin, JANUARY))
        assert len(listed.rows) == len(entries)
        sheet = SheetGrid(
            "申报",
            (
                ("身份证号", "姓名", "类别", "每月金额", "起始月份", "结束月份"),
                *((n, m, "住房租金", 1500, "2026-01", None) for n, m in people),
            ),
            "申报.xlsx",
        )
        timed(
            f"apply_deduction_import ({len(people)} rows)",
            lambda: apply_deduction_import(db, admin, sheet),
        )
        found = timed("declarations (deductions screen, all)", lambda: declarations(db, admin))
        print(f"  {len(found)} declarations")
        grid = SheetGrid(
            "项目",
            (
                ("身份证号", "姓名", "项目名称", "金额"),
                *((n, m, "交通补贴", 200) for n, m in people),
            ),
            "项目.xlsx",
        )
        plan = timed(
            f"plan_item_import ({len(people)} rows)",
            lambda: plan_item_import(db, admin, grid, JANUARY),
        )
        assert not plan.has_errors
        timed(f"remove_items ({len(ids)} items)", lambda: remove_items(db, admin, ids))
        db.close()


def select_people() -> Any:
    return select(Worker.id_number, Worker.name).order_by(Worker.id)


if __name__ == "__main__":
    main()
