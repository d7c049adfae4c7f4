"""Adjustment run benchmark: plan, apply and revert on the demo population, against ceilings.

Run by hand (not by pytest)::

    python bench/bench_adjustment.py [--workers 100000] [--pg postgresql+psycopg://postgres@127.0.0.1/test]

The demo is built for ``today`` = 2026-11-25 (its 2026 run is already reflected in the levels), then
every active worker gets a 2026 appraisal (18 % 优秀, the rest 称职) and the 2027 run is timed:
- plan: ``prepare_run`` against reading the same facts and evaluating the pure rules over them
  (once per distinct facts, as the run does; no item built, nothing written);
- apply / revert: against a raw DBAPI ``executemany`` updating the same workers' level.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from workforce.domain.adjustment.rules import Proposal, Proposer
from workforce.persistence.accounts import Setting
from workforce.services.accounts.acting_user import actor_for
from workforce.services.adjustment.apply import apply_run, revert_run
from workforce.services.adjustment.inputs import load_facts
from workforce.services.adjustment.run import approve_run, prepare_run, rules_for
from workforce.services.context import Database
from workforce.services.scale import scale_in_force
from workforce.services.system.demo import generate_demo
from workforce.services.system.setup import initialise

TODAY = dt.date(2026, 11, 25)
YEAR = 2027


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(label: str, seconds: float, ceiling: float | None = None) -> None:
    ratio = f"  ceiling {ceiling:6.2f} s  ratio {seconds / ceiling:5.2f}×" if ceiling else ""
    print(f"{label:<34}{seconds:7.2f} s{ratio}  peak {peak_mb():6.0f} MB", flush=True)


def add_appraisals(db: Database) -> None:
    rng = random.Random(2026)
    with db.engine.begin() as connection:
        ids = [
            r[0]
            for r in connection.execute(
                text("SELECT id FROM worker WHERE status IN ('在职', '试用')")
            )
        ]
        connection.execute(text("DELETE FROM appraisal WHERE year = 2026"))
        connection.execute(
            text("INSERT INTO appraisal (worker_id, year, grade) VALUES (:w, 2026, :g)"),
            [{"w": w, "g": "优秀" if rng.random() < 0.18 else "称职"} for w in ids],
        )


def ceiling_rules(db: Database) -> float:
    """Reading the facts as ``prepare_run`` does and evaluating the rules for every worker, once
    per distinct facts as the run does (``Proposer``), with no item built and nothing written."""
    start = time.perf_counter()
    with db.reading() as session:
        effective = dt.date(YEAR, 1, 1)
        scale = scale_in_force(session, effective)
        assert scale is not None
        rules = rules_for(session, YEAR)
        facts = load_facts(session, YEAR, effective, rules)
    proposer = Proposer(rules, {p.code: p for p in scale.posts}, YEAR)
    known: dict[object, Proposal] = {}
    for worker_id, _, key in facts.workers:
        if key not in known:
            known[key] = proposer.propose(facts.history(worker_id, key))
    return time.perf_counter() - start


def ceiling_updates(db: Database, count: int) -> float:
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        ids = [
            r[0] for r in db.engine.connect().execute(text(f"SELECT id FROM worker LIMIT {count}"))
        ]
        marker = "?" if db.engine.dialect.name == "sqlite" else "%s"
        start = time.perf_counter()
        cursor.executemany(
            f"UPDATE worker SET level = level + 0, version = version WHERE id = {marker}",
            [(i,) for i in ids],
        )
        raw.commit()
        return time.perf_counter() - start
    finally:
        raw.close()


def bench(url: str, workers: int) -> None:
    db = Database.open(url)
    initialise(db)
    admin = actor_for(db)
    start = time.perf_counter()
    generate_demo(db, admin, workers=workers, seed=7, today=TODAY)
    print(f"[{db.engine.dialect.name}] demo of {workers:,} in {time.perf_counter() - start:.1f} s")
    add_appraisals(db)
    with db.transaction() as session:
        session.merge(Setting(key="allow_single_user_approval", value=True))
    rules_time = ceiling_rules(db)
    start = time.perf_counter()
    prepared = prepare_run(db, admin, YEAR)
    plan_time = time.perf_counter() - start
    print(
        f"  plan: {prepared.summary.total.person_times:,} 人次, "
        f"{prepared.summary.total.yearly_cost:,} 元/年, {prepared.items:,} items"
    )
    report("  prepare_run", plan_time, rules_time)
    approve_run(db, admin, prepared.run_id)
    start = time.perf_counter()
    written = apply_run(db, admin, prepared.run_id)
    apply_time = time.perf_counter() - start
    update_time = ceiling_updates(db, written)
    report(f"  apply_run ({written:,} workers)", apply_time, update_time)
    start = time.perf_counter()
    revert_run(db, admin, prepared.run_id, "基准测试")
    report("  revert_run", time.perf_counter() - start, update_time)
    db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--pg", help="admin URL of a PostgreSQL server to bench on too")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        bench(f"sqlite:///{Path(folder) / 'bench.db'}", args.workers)
    if args.pg:
        admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
        name = f"wf_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            bench(
                make_url(args.pg).set(database=name).render_as_string(hide_password=False),
                args.workers,
            )
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    return 0


if __name__ == "__main__":
    sys.exit(main())
