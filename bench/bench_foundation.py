"""Foundation benchmark: demo generation, its bulk write and the statistics, against ceilings.

Run by hand (not by pytest)::

    python bench/bench_foundation.py [--workers 100000] [--seed 1] [--skip-pg]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test]

Each figure is printed next to a ceiling measured in the same run on the same data:
- generation: building the same number of ``WorkerInput`` values from ready tuples (the output
  objects alone);
- writing: the bare DBAPI ``executemany`` of the very rows the demo wrote, into the same schema of
  a second fresh database, in one transaction;
- statistics: the bare DBAPI executing the same people query and fetching all rows.
Peak memory is the process's ``ru_maxrss`` so far. SQLite runs on a fresh temporary file;
PostgreSQL on temporary databases created and dropped on the server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics as pystats
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from workforce.domain.demo.population import generate_population
from workforce.domain.roster.worker import WORKER_FIELDS, WorkerInput
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database, gc_paused
from workforce.services.scale import posts_in_force
from workforce.services.stats.indicators import people_query, statistics
from workforce.services.system.demo import generate_demo
from workforce.services.system.setup import initialise

TODAY = dt.date(2025, 6, 30)
# Tables the demo writes, parents first; org_unit skips the default district.
COPIED = (
    "org_unit",
    "worker",
    "post_level_change",
    "status_change",
    "education_record",
    "certificate",
    "appraisal",
    "training_session",
    "training_attendance",
)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def median_of(runs: int, action: Callable[[], Any]) -> float:
    return pystats.median(timed(action)[0] for _ in range(runs))


def line(
    label: str, seconds: float, ceiling: float, ceiling_label: str, peak: float | None = None
) -> None:
    """One figure, its ceiling and their ratio, and the peak memory when the figure was taken."""
    print(
        f"  {label:<34} {seconds:7.2f} s   ceiling {ceiling:7.2f} s ({ceiling_label})"
        f"   ratio {seconds / ceiling:5.2f}x   peak {peak or peak_mb():6.0f} MB",
        flush=True,
    )


# -- generation ------------------------------------------------------------------------------
def bench_generation(workers: int, seed: int, posts: Any) -> None:
    def generate() -> Any:
        with gc_paused():
            return generate_population(workers, seed, TODAY, posts)

    seconds = median_of(3, generate)
    sample = generate_population(min(workers, 1000), seed, TODAY, posts).workers
    rows = [tuple(getattr(w.data, f) for f in WORKER_FIELDS) for w in sample] * (
        workers // len(sample) + 1
    )
    rows = rows[:workers]

    def build_inputs() -> list[WorkerInput]:
        with gc_paused():
            return [WorkerInput(*values) for values in rows]

    line(
        f"generate {workers:,} (pure, median of 3)",
        seconds,
        median_of(3, build_inputs),
        "build the WorkerInput values",
    )


# -- writing ---------------------------------------------------------------------------------
def read_rows(db: Database) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """The rows the demo wrote, as the DBAPI returns them (ready to be written back)."""
    found = {}
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        for table in COPIED:
            # the default district was there before the demo (and is in the spare database too)
            where = " WHERE id > (SELECT min(id) FROM org_unit)" if table == "org_unit" else ""
            cursor.execute(f"SELECT * FROM {table}{where} ORDER BY id")
            columns = [d[0] for d in cursor.description]
            found[table] = (columns, list(cursor.fetchall()))
    finally:
        raw.close()
    return found


def raw_write(db: Database, rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    """Write the same rows with the bare DBAPI executemany in one transaction."""
    marker = "?" if db.engine.dialect.name == "sqlite" else "%s"
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        started = time.perf_counter()
        for table in COPIED:
            columns, values = rows[table]
            sql = (
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join([marker] * len(columns))})"
            )
            cursor.executemany(sql, values)
        raw.commit()
        return time.perf_counter() - started
    finally:
        raw.close()


def raw_people_query(db: Database) -> float:
    query = _people_query_sql(db)
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        started = time.perf_counter()
        cursor.execute(query)
        cursor.fetchall()
        return time.perf_counter() - started
    finally:
        raw.close()


def _people_query_sql(db: Database) -> str:
    compiled = people_query().compile(
        dialect=db.engine.dialect, compile_kwargs={"literal_binds": True}
    )
    return str(compiled)


def bench_database(name: str, url: str, spare_url: str, workers: int, seed: int) -> None:
    print(f"{name}:", flush=True)
    db = Database.open(url)
    spare = Database.open(spare_url)
    try:
        initialise(db)
        initialise(spare)
        actor = actor_for(db)
        marks: dict[str, float] = {}

        def progress(done: int, _total: int) -> None:
            if done >= workers and "drawn" not in marks:
                marks["drawn"] = time.perf_counter()

        started = time.perf_counter()
        report = generate_demo(
            db, actor, workers=workers, seed=seed, today=TODAY, progress=progress
        )
        total = time.perf_counter() - started
        written = time.perf_counter() - marks["drawn"]
        peak = peak_mb()  # before the ceiling reads every row back
        rows = read_rows(db)
        count = sum(len(values) for _, values in rows.values())
        ceiling = raw_write(spare, rows)
        line(f"demo --workers {workers:,} (all)", total, ceiling, "raw executemany", peak)
        line(f"  of which writing {count:,} rows", written, ceiling, "raw executemany", peak)
        print(f"  ({report.describe()})")
        stats = median_of(3, lambda: statistics(db, actor, as_of=TODAY))
        fetch = pystats.median(raw_people_query(db) for _ in range(3))
        line("stats (median of 3)", stats, fetch, "raw fetch of the people query")
    finally:
        db.close()
        spare.close()


@contextmanager
def sqlite_files() -> Iterator[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        yield (f"sqlite:///{Path(folder) / 'demo.db'}", f"sqlite:///{Path(folder) / 'raw.db'}")


@contextmanager
def postgres_databases(admin_url: str) -> Iterator[tuple[str, str]]:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    names = [f"workforce_bench_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    try:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        urls = [
            make_url(admin_url).set(database=n).render_as_string(hide_password=False) for n in names
        ]
        yield urls[0], urls[1]
    finally:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--skip-pg", action="store_true")
    args = parser.parse_args(argv)
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.2f} at start",
        flush=True,
    )
    with sqlite_files() as (url, spare):
        db = Database.open(url)
        initialise(db)
        with db.reading() as session:
            posts = posts_in_force(session, TODAY)
        db.close()
        print("generation:")
        bench_generation(args.workers, args.seed, posts)
        bench_database("SQLite (fresh file)", url, spare, args.workers, args.seed)
    if not args.skip_pg:
        with postgres_databases(args.pg) as (url, spare):
            bench_database("PostgreSQL (fresh database)", url, spare, args.workers, args.seed)
    print(f"load average {os.getloadavg()[0]:.2f} at end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
