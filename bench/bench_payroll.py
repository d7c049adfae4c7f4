"""Payroll benchmark (issue 4): a 100,000-worker month calculated, saved, approved, verified and
exported, each figure next to a ceiling measured in the same run on the same data.

Run by hand (not by pytest)::

    python bench/bench_payroll.py [--workers 100000] [--seed 1] [--pg URL]

- calculate + save: ``calculate_month`` for January (first month: contribution bases settled too),
  a recalculation of January (with the per-worker diff), and February (cumulative tax carried
  from January); target ≤ 3 s (PERF-NOTES);
- the pure arithmetic alone (ceiling): the engine over February's gathered inputs, once per worker
  with no sharing, and as the calculation runs it (once per distinct input, with the JSON texts);
- approve (re-reads every input and compares the hashes), lock, verify (re-derives every payslip);
- the finance workbook against xlsxwriter writing the same cells alone (same formats and totals);
- the bank file (.xlsx and .csv) against writing the same cells alone.
SQLite runs on a fresh temporary file; ``--pg`` repeats the calculation on a temporary PostgreSQL
database created and dropped on the server.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from xlsxwriter.utility import xl_rowcol_to_cell

from reports.payroll.bank_file import write_bank_file
from reports.payroll.month_xlsx import write_payroll_workbook
from workforce.domain.payroll.payslip import compute_payslip
from workforce.persistence.accounts import Setting
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.compute import Engine, gather, inputs_for
from workforce.services.payroll.lifecycle import approve_month, lock_month, verify_month
from workforce.services.payroll.views import (
    BankView,
    PayrollWorkbookView,
    bank_view,
    payroll_workbook_view,
)
from workforce.services.system.demo import generate_demo
from workforce.services.system.setup import initialise

TODAY = dt.date(2025, 12, 31)
JANUARY, FEBRUARY = dt.date(2026, 1, 1), dt.date(2026, 2, 1)


def peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def show(label: str, seconds: float, note: str = "") -> None:
    print(f"  {label:<46} {seconds:7.2f} s  {note}".rstrip(), flush=True)


def versus(label: str, seconds: float, ceiling: float, ceiling_label: str) -> None:
    ratio = seconds / ceiling if ceiling else float("inf")
    show(label, seconds, f"ceiling {ceiling:.2f} s ({ceiling_label}), {ratio:.2f}×")


def prepare(db: Database, workers: int, seed: int) -> Actor:
    initialise(db)
    admin = actor_for(db)
    seconds, report = timed(
        lambda: generate_demo(db, admin, workers=workers, seed=seed, today=TODAY)
    )
    show(f"demo data ({report.workers} workers, not payroll)", seconds)
    with db.transaction() as session:  # one administrator acts alone in the benchmark
        session.add(Setting(key="allow_single_user_approval", value=True))
    return admin


def bench_calculation(db: Database, admin: Actor) -> None:
    seconds, january = timed(lambda: calculate_month(db, admin, JANUARY))
    show(
        f"calculate + save January ({january.workers} paid)",
        seconds,
        f"bases settled {january.bases_created}; peak {peak_mb()} MB",
    )
    seconds, again = timed(lambda: calculate_month(db, admin, JANUARY))
    show("recalculate January (replace + diff)", seconds, f"{len(again.changes)} changed")
    seconds, _ = timed(lambda: approve_month(db, admin, JANUARY))
    show("approve January (re-reads and hashes inputs)", seconds)
    seconds, _ = timed(lambda: lock_month(db, admin, JANUARY))
    show("lock January", seconds)
    seconds, february = timed(lambda: calculate_month(db, admin, FEBRUARY))
    show(
        f"calculate + save February ({february.workers} paid)",
        seconds,
        f"tax carried from January; net {february.net:,.2f}",
    )


def bench_arithmetic(db: Database) -> None:
    with db.reading() as session:
        gathered = gather(session, FEBRUARY, None)
    inputs = [inputs_for(gathered, p) for p in gathered.people]
    seconds, _ = timed(lambda: [compute_payslip(i) for i in inputs])
    per = seconds / max(len(inputs), 1) * 1e6
    show("engine alone, every worker (ceiling)", seconds, f"{per:.1f} µs a worker")
    engine = Engine(gathered)
    seconds, _ = timed(lambda: [engine.figures(p) for p in gathered.people])
    show(
        "engine as calculated (shared inputs, JSON, hash)",
        seconds,
        f"{len(engine.memo)} distinct inputs",
    )


def bench_verify(db: Database, admin: Actor) -> None:
    seconds, result = timed(lambda: verify_month(db, admin, FEBRUARY))
    show(f"verify February ({result.checked} payslips)", seconds, "ok" if result.ok else "FAILED")


def _bare_workbook(path: Path, view: PayrollWorkbookView) -> None:
    """The same cells (identity, amounts, SUM totals with values) with xlsxwriter alone."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    text_format = book.add_format({"border": 1})
    money = book.add_format({"border": 1, "num_format": "#,##0.00"})
    book.add_worksheet("汇总")
    for index, street in enumerate(view.streets):
        sheet = book.add_worksheet(f"S{index}")
        row = 4
        for number, r in enumerate(street.rows, start=1):
            sheet.write_number(row, 0, number, text_format)
            for col, value in enumerate(
                (r.street, r.community, r.name, r.id_number, r.post), start=1
            ):
                sheet.write_string(row, col, value, text_format)
            sheet.write_number(row, 6, r.level, text_format)
            sheet.write_string(row, 7, r.category, text_format)
            amounts = (
                *r.earnings,
                r.gross,
                *r.individual,
                r.tax,
                r.other,
                r.deductions,
                r.net,
                *r.employer,
                r.employer_total,
                r.labour_cost,
            )
            for col, amount in enumerate(amounts, start=8):
                sheet.write_number(row, col, amount, money)
            row += 1
        for col in range(8, 8 + len(amounts)):
            cells = f"{xl_rowcol_to_cell(4, col)}:{xl_rowcol_to_cell(row - 1, col)}"
            sheet.write_formula(row, col, f"=SUM({cells})", money, Decimal(0))
    book.close()


def bench_workbook(db: Database, admin: Actor, folder: Path) -> None:
    seconds_view, view = timed(lambda: payroll_workbook_view(db, admin, FEBRUARY))
    rows = sum(len(s.rows) for s in view.streets)
    show(f"workbook read model ({rows} rows, {len(view.streets)} streets)", seconds_view)
    seconds, _ = timed(lambda: write_payroll_workbook(folder / "payroll.xlsx", view))
    bare, _ = timed(lambda: _bare_workbook(folder / "bare.xlsx", view))
    versus("workbook write", seconds, bare, "xlsxwriter, same cells")
    show("workbook read + write", seconds_view + seconds)


def _bare_bank(folder: Path, view: BankView) -> None:
    book = xlsxwriter.Workbook(str(folder / "bare-bank.xlsx"), {"constant_memory": True})
    sheet = book.add_worksheet()
    for row, r in enumerate(view.rows, start=4):
        sheet.write_number(row, 0, row - 3)
        sheet.write_string(row, 1, r.account_name)
        sheet.write_string(row, 2, r.account)
        sheet.write_string(row, 3, r.id_number)
        sheet.write_string(row, 4, r.bank)
        sheet.write_number(row, 5, r.amount)
        sheet.write_string(row, 6, view.memo)
    book.close()
    with (folder / "bare-bank.csv").open("w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle)
        for r in view.rows:
            writer.writerow((r.account, r.account_name, f"{r.amount:.2f}", r.id_number, view.memo))


def bench_bank(db: Database, admin: Actor, folder: Path) -> None:
    seconds_view, view = timed(lambda: bank_view(db, admin, FEBRUARY))
    show(f"bank read model ({len(view.rows)} transfers)", seconds_view, f"total {view.total:,.2f}")
    xlsx, _ = timed(lambda: write_bank_file(folder / "bank.xlsx", view))
    csv_seconds, _ = timed(lambda: write_bank_file(folder / "bank.csv", view, "csv"))
    bare, _ = timed(lambda: _bare_bank(folder, view))
    versus("bank file .xlsx + .csv", xlsx + csv_seconds, bare, "same cells alone")


def run_sqlite(workers: int, seed: int) -> None:
    print(f"SQLite, {workers} workers")
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(f"sqlite:///{folder}/bench.db")
        admin = prepare(db, workers, seed)
        bench_calculation(db, admin)
        bench_arithmetic(db)
        bench_verify(db, admin)
        bench_workbook(db, admin, Path(folder))
        bench_bank(db, admin, Path(folder))
        db.close()
    print(f"  peak memory {peak_mb()} MB")


def run_postgres(url: str, workers: int, seed: int) -> None:
    print(f"PostgreSQL, {workers} workers")
    admin_engine = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"workforce_bench_{uuid.uuid4().hex[:8]}"
    with admin_engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        db = Database.open(make_url(url).set(database=name).render_as_string(hide_password=False))
        admin = prepare(db, workers, seed)
        bench_calculation(db, admin)
        bench_verify(db, admin)
        db.close()
    finally:
        with admin_engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", metavar="URL", help="also run on PostgreSQL (admin URL)")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args(argv)
    if not args.skip_sqlite:
        run_sqlite(args.workers, args.seed)
    if args.pg:
        run_postgres(args.pg, args.workers, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
