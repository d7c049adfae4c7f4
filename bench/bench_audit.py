"""Audit viewer benchmark: pages, filters and counts on a million-row audit log.

Run by hand (not by pytest)::

    python bench/bench_audit.py [--rows 1000000] [--pg postgresql+psycopg://postgres@127.0.0.1/test]

The log is filled with raw DBAPI inserts (the program only appends through services; this is just
volume): 20 users, a dozen entities and actions, entity ids over 100,000 workers, Chinese notes.
Each query is timed three times and the best is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from workforce.persistence.accounts import AuditEntry
from workforce.services.accounts.acting_user import actor_for
from workforce.services.accounts.audit_views import (
    AuditFilter,
    audit_choices,
    audit_count,
    audit_page,
)
from workforce.services.context import Database
from workforce.services.system.setup import initialise

ENTITIES = ("worker", "org_unit", "payroll_month", "pay_item", "special_deduction", "setting")
ACTIONS = ("create", "update", "approve", "declare", "delete", "calculate")


def fill(db: Database, rows: int) -> None:
    rng = random.Random(7)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    step = dt.timedelta(days=700) / rows
    chunk = 20_000
    with db.engine.begin() as connection:
        for first in range(0, rows, chunk):
            batch = []
            for n in range(first, min(rows, first + chunk)):
                entity = ENTITIES[n % len(ENTITIES)]
                batch.append(
                    {
                        "at": start + step * n,
                        "user_id": None,
                        "username": f"user{rng.randrange(20)}",
                        "action": ACTIONS[rng.randrange(len(ACTIONS))],
                        "entity": entity,
                        "entity_id": rng.randrange(1, 100_000),
                        "changes": {"phone": [None, f"139{n:08d}"], "level": ["3", "4"]},
                        "note": f"第{n}条 调整说明",
                    }
                )
            connection.execute(insert(AuditEntry), batch)


def timed(label: str, work: Callable[[], object]) -> None:
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - began)
    shown = result if isinstance(result, int) else ""
    print(f"{label:<44} {best * 1000:8.1f} ms {shown}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--pg", metavar="URL")
    args = parser.parse_args()
    admin_url = None
    if args.pg:
        admin_url = args.pg
        name = f"workforce_bench_{uuid.uuid4().hex[:8]}"
        with create_engine(admin_url, isolation_level="AUTOCOMMIT").connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'audit.db'}"
    db = Database.open(url)
    initialise(db)
    admin = actor_for(db)
    began = time.perf_counter()
    fill(db, args.rows)
    print(f"filled {args.rows:,} rows in {time.perf_counter() - began:.1f} s ({db.engine.name})")
    if args.pg:  # as autovacuum would have by now (the SQLite file is never analysed)
        with db.engine.begin() as connection:
            connection.execute(text("ANALYZE audit_log"))
    with db.reading() as session:
        middle = session.scalar(text("SELECT max(id) / 2 FROM audit_log"))
    cases = {
        "first page, no filter": AuditFilter(),
        "first page, one user": AuditFilter(username="user7"),
        "first page, entity + action": AuditFilter(entity="pay_item", action="delete"),
        "first page, entity id": AuditFilter(entity_id=4242),
        "first page, one month": AuditFilter(since=dt.date(2024, 6, 1), until=dt.date(2024, 6, 30)),
        "first page, free text (Chinese, in notes)": AuditFilter(text="第999999条"),
        "first page, free text (in values)": AuditFilter(text="13900000042"),
    }
    for label, wanted in cases.items():
        timed(label, lambda w=wanted: len(audit_page(db, admin, w).rows))
    timed(
        "a page from the middle",
        lambda: len(audit_page(db, admin, AuditFilter(), before_id=middle).rows),
    )
    timed("count, no filter", lambda: audit_count(db, admin, AuditFilter()))
    timed("count, one user", lambda: audit_count(db, admin, AuditFilter(username="user7")))
    timed("count, free text", lambda: audit_count(db, admin, AuditFilter(text="第99999")))
    timed("filter choices", lambda: len(audit_choices(db, admin).entities))
    db.close()
    if admin_url:
        with create_engine(admin_url, isolation_level="AUTOCOMMIT").connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return 0


if __name__ == "__main__":
    sys.exit(main())
