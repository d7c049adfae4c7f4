"""The data operations of ``run_all.py``, one per child process, each timed against its ceiling.

Each operation works on the database at ``url`` (built by the ``demo`` operation), times the whole
operation, records the process's peak memory right after it (before the ceiling runs), then times
the ceiling on the same data. The rows go to ``result.json`` for the parent to print.
"""

from __future__ import annotations

import datetime as dt
import gc
import resource
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

# Dates the demo and the runs use: the demo is built for TODAY; the adjustment run is next year's;
# the payroll month is the first month of the demo's year (the first month needs no locked months).
TODAY = dt.date(2026, 11, 25)
ADJUST_YEAR = 2027
PAY_MONTH = dt.date(2026, 1, 1)


@dataclass
class Row:
    """One line of the table: a whole operation, its ceiling and the target it is held to."""

    operation: str
    seconds: float
    ceiling: float | None
    ceiling_label: str
    target: str  # "≤ 3 s", "≤ 1.5×" or ""
    peak_mb: float
    note: str = ""
    cpu: float | None = None  # this process's CPU seconds in the operation (the server's not)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_CPU = [0.0]  # the process CPU seconds of the last ``timed`` action


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Wall seconds and result; the CPU seconds go to ``last_cpu()`` (on a busy machine the wall
    time waits for the cores, the CPU time does not)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = action()
    _CPU[0] = time.process_time() - cpu
    return time.perf_counter() - started, result


def last_cpu() -> float:
    return _CPU[0]


@contextmanager
def scratch_database(url: str, admin: str | None) -> Iterator[str]:
    """A fresh, empty database beside ``url``: a temporary SQLite file or a PostgreSQL database."""
    if not url.startswith("postgresql"):
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'scratch.db'}"
        return
    assert admin is not None
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    name = f"wf_scratch_{uuid.uuid4().hex[:8]}"
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def _open(url: str, *, fresh: bool = False) -> tuple[Any, Any]:
    """The database at ``url`` and its administrator (``fresh``: migrate and set it up first)."""
    from workforce.services.accounts.acting_user import actor_for
    from workforce.services.context import Database
    from workforce.services.system.setup import initialise

    db = Database.open(url)
    if fresh:
        initialise(db)
    return db, actor_for(db)


def _copy_ceiling(db: Any, url: str, admin: str | None) -> tuple[int, float]:
    """The rows ``db`` holds, written again with the bare DBAPI ``executemany`` into a fresh
    database of the same schema (bench_foundation's ceiling)."""
    from bench_foundation import raw_write, read_rows

    from workforce.services.context import Database
    from workforce.services.system.setup import initialise

    rows = read_rows(db)
    with scratch_database(url, admin) as spare_url:
        spare = Database.open(spare_url)
        initialise(spare)
        seconds = raw_write(spare, rows)
        spare.close()
    return sum(len(values) for _, values in rows.values()), seconds


# -- operations ---------------------------------------------------------------------------------
def op_demo(url: str, admin: str | None, workers: int, seed: int, **_: Any) -> list[Row]:
    from workforce.persistence.accounts import Setting
    from workforce.services.system.demo import generate_demo

    db, actor = _open(url, fresh=True)
    seconds, report = timed(
        lambda: generate_demo(db, actor, workers=workers, seed=seed, today=TODAY)
    )
    peak, cpu = peak_mb(), last_cpu()
    with db.transaction() as session:  # the benchmark's one administrator approves alone
        session.merge(Setting(key="allow_single_user_approval", value=True))
    count, ceiling = _copy_ceiling(db, url, admin)
    db.close()
    note = f"{report.workers:,} workers, {count:,} rows"
    return [Row("demo generation", seconds, ceiling, "raw executemany", "", peak, note, cpu)]


def op_roster_import(url: str, admin: str | None, sheet: str, **_: Any) -> list[Row]:
    import python_calamine

    from reports.xlsx_reader import pick_roster_sheet, read_workbook
    from workforce.services.roster.importing import apply_roster_import, plan_roster_import

    def raw_read() -> object:
        with python_calamine.CalamineWorkbook.from_path(sheet) as book:
            return book.get_sheet_by_index(0).to_python(skip_empty_area=False)

    def settled(action: Callable[[], Any]) -> tuple[float, Any]:
        """Timed from a collected heap: a full collection owed by the set-up (the database's
        creation) otherwise lands in whichever read comes first, 60-120 ms against 0.12 s."""
        gc.collect()
        return timed(action)

    with scratch_database(url, admin) as fresh:
        db, actor = _open(fresh, fresh=True)
        read, grid = settled(lambda: pick_roster_sheet(read_workbook(Path(sheet))))
        read_peak, read_cpu = peak_mb(), last_cpu()
        bares = [(settled(raw_read)[0], last_cpu()) for _ in range(2)]
        bare, bare_cpu = min(b[0] for b in bares), min(b[1] for b in bares)
        plan_s, plan = timed(lambda: plan_roster_import(db, actor, grid))
        assert not plan.has_errors, plan.problems[:3]
        plan_peak, plan_cpu = peak_mb(), last_cpu()
        apply_s, result = timed(lambda: apply_roster_import(db, actor, grid))
        apply_peak, apply_cpu = peak_mb(), last_cpu()
        _, ceiling = _copy_ceiling(db, fresh, admin)
        db.close()
    rows = f"{result.created:,} new workers"
    return [
        Row(
            "roster read (11,500 rows)",
            read,
            bare,
            "python-calamine alone",
            "≤ 1.5×",
            read_peak,
            f"CPU {read_cpu:.2f} s against calamine's {bare_cpu:.2f} s: {read_cpu / bare_cpu:.2f}×",
            read_cpu,
        ),
        Row("roster import plan", plan_s, None, "", "", plan_peak, rows, plan_cpu),
        Row(
            "roster import apply",
            apply_s,
            ceiling,
            "raw executemany",
            "",
            apply_peak,
            rows,
            apply_cpu,
        ),
    ]


def op_payroll(url: str, **_: Any) -> list[Row]:
    from workforce.domain.payroll.payslip import compute_payslip
    from workforce.services.payroll.calc import calculate_month
    from workforce.services.payroll.compute import Engine, gather, inputs_for

    db, actor = _open(url)
    seconds, month = timed(lambda: calculate_month(db, actor, PAY_MONTH))
    peak, cpu = peak_mb(), last_cpu()
    with db.reading() as session:
        gathered = gather(session, PAY_MONTH, None)
    inputs = [inputs_for(gathered, p) for p in gathered.people]
    every, _ = timed(lambda: [compute_payslip(i) for i in inputs])

    # the engine as the calculation runs it (one computation per distinct input), no database
    def engine_alone() -> list[Any]:
        engine = Engine(gathered)
        return [engine.figures(p) for p in gathered.people]

    ceiling, _ = timed(engine_alone)
    db.close()
    note = f"{month.workers:,} paid; arithmetic per worker without sharing {every:.2f} s"
    label = "engine alone, no database"
    return [Row("payroll calculate+save", seconds, ceiling, label, "≤ 3 s", peak, note, cpu)]


def op_workbook(url: str, **_: Any) -> list[Row]:
    from bench_payroll import _bare_workbook

    from reports.payroll.month_xlsx import write_payroll_workbook
    from workforce.services.payroll.views import payroll_workbook_view

    db, actor = _open(url)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        holder: list[Any] = []

        def export() -> None:
            holder.append(payroll_workbook_view(db, actor, PAY_MONTH))
            write_payroll_workbook(out / "payroll.xlsx", holder[0])

        seconds, _ = timed(export)
        peak, cpu = peak_mb(), last_cpu()
        ceiling, _ = timed(lambda: _bare_workbook(out / "bare.xlsx", holder[0]))
    db.close()
    note = f"{sum(len(s.rows) for s in holder[0].streets):,} rows"
    return [
        Row(
            "payroll workbook export",
            seconds,
            ceiling,
            "xlsxwriter alone",
            "≤ 1.5×",
            peak,
            note,
            cpu,
        )
    ]


def op_bank(url: str, **_: Any) -> list[Row]:
    from bench_payroll import _bare_bank

    from reports.payroll.bank_file import write_bank_file
    from workforce.services.payroll.views import bank_view

    db, actor = _open(url)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        holder: list[Any] = []

        def export() -> None:
            holder.append(bank_view(db, actor, PAY_MONTH))
            write_bank_file(out / "bank.xlsx", holder[0])
            write_bank_file(out / "bank.csv", holder[0], "csv")

        seconds, _ = timed(export)
        peak, cpu = peak_mb(), last_cpu()
        ceiling, _ = timed(lambda: _bare_bank(out, holder[0]))
    db.close()
    note = f"{len(holder[0].rows):,} transfers, .xlsx + .csv"
    return [Row("bank file", seconds, ceiling, "same cells alone", "", peak, note, cpu)]


def op_stats(url: str, **_: Any) -> list[Row]:
    from bench_foundation import raw_people_query

    from workforce.services.stats.indicators import statistics

    db, actor = _open(url)
    seconds, _ = timed(lambda: statistics(db, actor, as_of=TODAY))
    peak, cpu = peak_mb(), last_cpu()
    again = min(timed(lambda: statistics(db, actor, as_of=TODAY))[0] for _ in range(2))
    ceiling = min(raw_people_query(db) for _ in range(3))
    db.close()
    note = f"warm {again:.2f} s"
    label = "raw fetch of its query"
    return [Row("statistics", seconds, ceiling, label, "≤ 1 s", peak, note, cpu)]


def op_roster_pdf(url: str, **_: Any) -> list[Row]:
    from bench_roster_pdf import ceiling as canvas_ceiling

    from reports.fonts import cjk_font
    from reports.roster.pdf import RosterDocument, _scaled_columns, write_roster_pdf
    from workforce.services.roster.printing import roster_for_print

    db, actor = _open(url)
    with tempfile.TemporaryDirectory() as folder:
        holder: list[Any] = []

        def export() -> None:
            roster = roster_for_print(db, actor, as_of=TODAY)
            holder.append(roster)
            document = RosterDocument(roster.title, roster.unit, roster.as_of, roster.summary)
            write_roster_pdf(Path(folder) / "roster.pdf", roster.rows, document)

        seconds, _ = timed(export)
        peak, cpu = peak_mb(), last_cpu()
        cjk_font()
        columns = _scaled_columns()
        rows = holder[0].rows
        cells = [[c.text(r, i, True) for c, _, _ in columns] for i, r in enumerate(rows, 1)]
        ceiling = canvas_ceiling(Path(folder) / "bare.pdf", cells)
    db.close()
    note = f"{len(rows):,} rows"
    label = "reportlab canvas alone"
    return [Row("roster PDF", seconds, ceiling, label, "≤ 1.5×", peak, note, cpu)]


def op_adjustment(url: str, **_: Any) -> list[Row]:
    from bench_adjustment import add_appraisals, ceiling_updates

    from workforce.services.adjustment.apply import apply_run
    from workforce.services.adjustment.run import approve_run, prepare_run

    db, actor = _open(url)
    add_appraisals(db)
    rules = ceiling_rules(db)
    plan_s, prepared = timed(lambda: prepare_run(db, actor, ADJUST_YEAR))
    plan_peak, plan_cpu = peak_mb(), last_cpu()
    approve_run(db, actor, prepared.run_id)
    apply_s, written = timed(lambda: apply_run(db, actor, prepared.run_id))
    apply_peak, apply_cpu = peak_mb(), last_cpu()
    updates = ceiling_updates(db, written)
    db.close()
    plan_note = f"{prepared.items:,} items, {prepared.summary.total.person_times:,} 人次"
    rules_label, updates_label = "rules alone, no writes", "raw executemany update"
    apply_note = f"{written:,} workers"
    return [
        Row("adjustment plan", plan_s, rules, rules_label, "≤ 2 s", plan_peak, plan_note, plan_cpu),
        Row(
            "adjustment apply",
            apply_s,
            updates,
            updates_label,
            "≤ 5 s",
            apply_peak,
            apply_note,
            apply_cpu,
        ),
    ]


def ceiling_rules(db: Any) -> float:
    """Reading the facts and evaluating the pure rules over them, as bench_adjustment does."""
    import bench_adjustment

    bench_adjustment.YEAR = ADJUST_YEAR
    return bench_adjustment.ceiling_rules(db)


def as_dicts(rows: list[Row]) -> list[dict[str, Any]]:
    return [asdict(r) for r in rows]
