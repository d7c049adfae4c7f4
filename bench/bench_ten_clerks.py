"""Ten clerks at once on one PostgreSQL server (issue 18 §4): a benchmark, run by hand.

    python bench/bench_ten_clerks.py [--pg ADMIN_URL] [--workers 100000] [--minutes 10]
        [--think 2.0] [--pause 0] [--solo-rounds 20] [--database NAME]
        [--keep PLAN.json | --reuse PLAN.json]

Builds a fresh database on the server (``--pg``, a superuser's URL; ``--database`` names it,
``wf_bench_…`` if not; dropped afterwards unless ``--keep`` saves its plan to reuse: ``--reuse``
runs on it again without building, and drops it unless ``--keep`` is given too) the way a city
would: ``server setup`` (owner and clerks' role), the schema migrated
by the owner, the demo city (``--workers``) generated; every process then connects as the
**clerks' role**, as the clerks' programs do.

Accounts: eight clerks (role 清理员/CLERK) scoped to a street each — the first three share one
street and edit the same 20 people — plus one clerk who recalculates the payroll month over and
over and one who prepares the yearly adjustment plan over and over.

Each of the eight does, in random order with a think time (uniform 0.5–1.5 × ``--think`` seconds)
between operations: worker edits (open, change, save: the 备注 holds a counter each save
increments, so a lost update shows as a count lower than the saves), small roster imports (15
rows of its street re-imported with new phone numbers), payroll review reads (the month's table
of its street), certificate renewals, statistics (``stats``) and the dashboard.

First every operation runs alone (``--solo-rounds`` times, nothing else running: the single-clerk
time), then the ten processes run for ``--minutes``. Reported per operation: count, p50 and p95
alone and together and their ratio; errors a clerk would see (an exception other than the
designed refusal "已被他人修改，请重新打开"), those refusals and the re-opens that followed
(retries), lost updates (must be 0), and the server's CPU (the backends of this database, read
from /proc: this machine is both client and server), what the busy backends wait on and who
holds it. The clerks' work is in ``ten_clerks_work.py``, the measuring in ``ten_clerks_watch.py``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from sqlalchemy import create_engine, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from ten_clerks_watch import (  # noqa: E402
    BLOCKED,
    LOADS,
    WAITS,
    counters,
    lost_updates,
    report,
    server_cpu,
    waits,
)
from ten_clerks_work import child  # noqa: E402

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SHARED_EDITORS = 3
IMPORT_ROWS = 15


# --- setup (the parent) -------------------------------------------------------------------------
def build(admin_url: str, workers: int, database: str | None) -> dict[str, Any]:
    """The database, the roles, the demo city, the accounts and each clerk's work."""
    from workforce.domain.vocab import Role
    from workforce.persistence.server_roles import Roles, acting_as, apply_setup, grant_statements
    from workforce.services.accounts.acting_user import actor_for
    from workforce.services.accounts.users import create_user
    from workforce.services.context import Database
    from workforce.services.system.demo import generate_demo
    from workforce.services.system.setup import initialise

    name = database or f"wf_bench_{uuid.uuid4().hex[:8]}"
    roles = Roles(name, f"{name}_owner", f"{name}_clerks")
    server = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{roles.database}"'))
    server.dispose()
    superuser = make_url(admin_url).set(database=roles.database)
    db = Database.open(superuser.render_as_string(hide_password=False))
    apply_setup(db.engine, roles)
    started = time.perf_counter()
    with acting_as(db.engine, roles.owner):
        initialise(db)
        admin = actor_for(db)
        generate_demo(db, admin, workers=workers, seed=1, today=dt.date.today())
        with db.engine.begin() as connection:
            for statement in grant_statements(roles):
                connection.exec_driver_sql(statement)
            connection.exec_driver_sql("ANALYZE")
    print(f"demo city of {workers:,} built in {time.perf_counter() - started:.0f} s", flush=True)
    clerks_url = superuser.set(username=roles.clerks).render_as_string(hide_password=False)
    db.close()
    db = Database.open(clerks_url)
    admin = actor_for(db)
    streets = _busy_streets(db, 7)
    accounts: list[dict[str, Any]] = []
    for number in range(8):
        street = streets[0] if number < SHARED_EDITORS else streets[number - SHARED_EDITORS + 1]
        name = f"clerk{number + 1}"
        create_user(db, admin, name, f"职员{number + 1}", Role.CLERK, scope_org_id=street)
        accounts.append({"username": name, "kind": "clerk", "street": street})
    for name, kind in (("paymaster", "payroll"), ("planner", "adjust")):
        create_user(db, admin, name, name, Role.CLERK)
        accounts.append({"username": name, "kind": kind, "street": None})
    db.close()
    plan = {
        "admin": admin_url,
        "url": clerks_url,
        "roles": dataclasses.asdict(roles),
        "accounts": accounts,
        "workers": workers,
        "streets": streets,
    }
    return plan_work(plan)


def plan_work(plan: dict[str, Any]) -> dict[str, Any]:
    """Each clerk's people, import rows and certificates (those not renewed in the last year:
    a reused database gives each run fresh ones)."""
    from workforce.services.context import Database

    db = Database.open(plan["url"])
    accounts, streets = plan["accounts"], plan["streets"]
    shared = _people(db, streets[0], 20, 0)
    for number, account in enumerate(accounts[:8]):
        account["edit"] = (
            shared if number < SHARED_EDITORS else _people(db, account["street"], 20, 0)
        )
        account["import"] = _people(db, account["street"], IMPORT_ROWS, 100 + number * IMPORT_ROWS)
        found = _certificates(db, account["street"], 1200)
        share = number % SHARED_EDITORS if number < SHARED_EDITORS else 0
        step = SHARED_EDITORS if number < SHARED_EDITORS else 1
        account["certificates"] = found[share::step][:400]  # the street's clerks renew apart
    db.close()
    return plan


def _busy_streets(db: Any, count: int) -> list[int]:
    from workforce.persistence.org import OrgUnit
    from workforce.persistence.people import Worker

    community = OrgUnit.__table__.alias("community")
    with db.reading() as session:
        rows = session.execute(
            select(community.c.parent_id, text("count(*)"))
            .select_from(Worker.__table__.join(community, community.c.id == Worker.community_id))
            .where(Worker.status == "在职")
            .group_by(community.c.parent_id)
            .order_by(text("count(*) DESC"))
            .limit(count)
        ).all()
    return [r[0] for r in rows]


def _people(db: Any, street: int, count: int, offset: int) -> list[int]:
    from workforce.persistence.org import OrgUnit
    from workforce.persistence.people import Worker

    with db.reading() as session:
        communities = select(OrgUnit.id).where(OrgUnit.parent_id == street)
        return list(
            session.scalars(
                select(Worker.id)
                .where(Worker.community_id.in_(communities), Worker.status == "在职")
                .order_by(Worker.id)
                .offset(offset)
                .limit(count)
            )
        )


def _certificates(db: Any, street: int, count: int) -> list[int]:
    """Certificates of the street last registered more than a year ago (one renewal each)."""
    from workforce.persistence.org import OrgUnit
    from workforce.persistence.people import Certificate, Worker

    year_ago = dt.date.today() - dt.timedelta(days=400)
    with db.reading() as session:
        communities = select(OrgUnit.id).where(OrgUnit.parent_id == street)
        found = sorted(
            session.scalars(
                select(Certificate.id)
                .join(Worker, Worker.id == Certificate.worker_id)
                .where(
                    Worker.community_id.in_(communities),
                    Certificate.registered_date < year_ago,
                )
            )
        )
    random.Random(street).shuffle(found)  # the same order for every clerk of the street
    return found[:count]


# --- running and measuring (the parent) ---------------------------------------------------------
def spawn(
    plan_file: Path, index: int, mode: str, args: argparse.Namespace
) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        __file__,
        "--child",
        str(plan_file),
        str(index),
        mode,
        str(args.minutes * 60),
        str(args.solo_rounds),
        str(args.think),
        str(args.pause),
    ]
    return subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def collect(process: subprocess.Popen[str]) -> dict[str, Any]:
    out, _ = process.communicate()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if process.returncode != 0 or not lines:
        return {
            "timings": {},
            "errors": [f"process failed ({process.returncode})"],
            "conflicts": 0,
            "retries": 0,
            "saves": {},
            "cpu": 0.0,
        }
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def run_phase(
    plan_file: Path, plan: dict[str, Any], mode: str, indexes: list[int], args: argparse.Namespace
) -> tuple[list[dict[str, Any]], float, float]:
    database = plan["roles"]["database"]
    seen: dict[int, float] = {}
    started = time.perf_counter()
    processes = [spawn(plan_file, i, mode, args) for i in indexes]
    results: list[dict[str, Any]] = []
    watcher = create_engine(plan["admin"], isolation_level="AUTOCOMMIT")
    tick = 0
    while any(p.poll() is None for p in processes):
        if tick % 4 == 0:
            server_cpu(database, seen)
            LOADS.append(os.getloadavg()[0])
        tick += 1
        waits(watcher, database)
        time.sleep(0.25)
    watcher.dispose()
    results = [collect(p) for p in processes]
    return results, time.perf_counter() - started, sum(seen.values())


def drop(plan: dict[str, Any]) -> None:
    roles = plan["roles"]
    server = create_engine(plan["admin"], isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{roles["database"]}" WITH (FORCE)'))
        for role in (roles["clerks"], roles["owner"]):
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    server.dispose()


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _, _, plan_path, number, mode, seconds, rounds, think, pause = sys.argv
        child(plan_path, int(number), mode, float(seconds), int(rounds), float(think), float(pause))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", default=DEFAULT_PG)
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--think", type=float, default=2.0)
    parser.add_argument(
        "--pause",
        type=float,
        default=0.0,
        help="seconds the payroll and planning clerks wait between two runs (0: back to back)",
    )
    parser.add_argument("--solo-rounds", type=int, default=20)
    parser.add_argument("--database", help="the database's name (default: wf_bench_…)")
    parser.add_argument("--keep", metavar="PLAN.json", help="keep the database; its plan here")
    parser.add_argument("--reuse", metavar="PLAN.json", help="run on a kept database")
    args = parser.parse_args()
    if args.reuse:
        plan = plan_work(json.loads(Path(args.reuse).read_text("utf-8")))
    else:
        plan = build(args.pg, args.workers, args.database)
    if args.keep:
        Path(args.keep).write_text(json.dumps(plan, ensure_ascii=False, indent=1), "utf-8")
    edited = [w for a in plan["accounts"] for w in a.get("edit", [])]
    before = counters(plan["url"], edited)
    with tempfile.TemporaryDirectory() as folder:
        plan_file = Path(folder) / "plan.json"
        plan_file.write_text(json.dumps(plan), "utf-8")
        try:
            # alone: the month calculated first (the reviews read it), then each clerk's mix
            solo: list[dict[str, Any]] = []
            for index in (8, 9, 3):
                results, _, _ = run_phase(plan_file, plan, "solo", [index], args)
                solo += results
            print("alone: done", flush=True)
            WAITS.clear()
            BLOCKED.clear()
            LOADS.clear()
            load, wall, server_seconds = run_phase(plan_file, plan, "load", list(range(10)), args)
            lost = lost_updates(plan["url"], before, solo + load)
            print(report(solo, load, plan, args.minutes, server_seconds, wall, lost))
        finally:
            if not args.keep:
                drop(plan)
    return 0


if __name__ == "__main__":
    sys.exit(main())
