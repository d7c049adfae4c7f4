"""Ten clerks at once on one PostgreSQL server (issue 18 §4): a benchmark, run by hand.

    python bench/bench_ten_clerks.py [--pg ADMIN_URL] [--workers 100000] [--minutes 10]
        [--think 2.0] [--solo-rounds 20] [--keep]

Builds a fresh database on the server (``--pg``, a superuser's URL; dropped afterwards unless
``--keep``) the way a city would: ``server setup`` (owner and clerks' role), the schema migrated
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
from /proc: this machine is both client and server).
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
import traceback
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT)]

from sqlalchemy import create_engine, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PAY_MONTH = dt.date(2026, 1, 1)
ADJUST_YEAR = 2027
CONFLICT = "已被他人修改"
MIX = ("edit", "edit", "edit", "import", "review", "review", "renew", "stats", "dashboard")
SHARED_EDITORS = 3
IMPORT_ROWS = 15


# --- setup (the parent) -------------------------------------------------------------------------
def build(admin_url: str, workers: int) -> dict[str, Any]:
    """The database, the roles, the demo city, the accounts and each clerk's work."""
    from workforce.domain.vocab import Role
    from workforce.persistence.server_roles import Roles, acting_as, apply_setup, grant_statements
    from workforce.services.accounts.acting_user import actor_for
    from workforce.services.accounts.users import create_user
    from workforce.services.context import Database
    from workforce.services.system.demo import generate_demo
    from workforce.services.system.setup import initialise

    tag = uuid.uuid4().hex[:8]
    roles = Roles(f"wf_bench_{tag}", f"wf_bench_owner_{tag}", f"wf_bench_clerks_{tag}")
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
    return {
        "admin": admin_url,
        "url": clerks_url,
        "roles": dataclasses.asdict(roles),
        "accounts": accounts,
        "workers": workers,
    }


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


# --- one clerk (a child process) ----------------------------------------------------------------
class Clerk:
    def __init__(
        self, plan: dict[str, Any], account: dict[str, Any], seed: int, *, alone: bool
    ) -> None:
        from workforce.services.accounts.acting_user import actor_for
        from workforce.services.context import Database

        self.db = Database.open(plan["url"])
        self.actor = actor_for(self.db, account["username"])
        self.account = account
        self.rng = random.Random(seed)
        self.saves: dict[int, int] = {}
        self.conflicts = 0
        self.retries = 0
        self.certificates = list(account.get("certificates", []))
        self.grid = self._import_grid() if account["kind"] == "clerk" else None
        self.round = 0
        self.alone = alone

    def _import_grid(self) -> Any:
        from reports.roster.xlsx import write_roster
        from reports.xlsx_reader import pick_roster_sheet, read_workbook
        from workforce.services.roster.export import roster_for_export

        wanted = set(self.account["import"])
        rows = roster_for_export(self.db, self.actor, self.account["street"], full_numbers=True)
        rows = [r for r in rows if r.worker_id in wanted]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "import.xlsx"
            write_roster(path, rows)
            return pick_roster_sheet(read_workbook(str(path)), None)

    def edit(self) -> None:
        from workforce.services.roster.workers import load_worker, update_worker

        worker = self.rng.choice(self.account["edit"])
        while True:
            file = load_worker(self.db, worker, actor=self.actor)
            count = int((file.data.remarks or "bench:0").split(":")[-1] or 0)
            data = dataclasses.replace(file.data, remarks=f"bench:{count + 1}")
            try:
                update_worker(self.db, self.actor, worker, data, file.version, reason="压测")
            except Exception as exc:
                if CONFLICT in str(getattr(exc, "message", exc)):
                    self.conflicts += 1
                    self.retries += 1
                    continue  # the clerk re-opens the file and saves again
                raise
            self.saves[worker] = self.saves.get(worker, 0) + 1
            return

    def import_roster(self) -> None:
        from workforce.domain.roster.columns import COLUMNS
        from workforce.services.roster.importing import apply_roster_import

        assert self.grid is not None
        self.round += 1
        header = [str(c) for c in self.grid.rows[0]]
        phone = header.index(next(c.header for c in COLUMNS if c.key == "phone"))
        rows = [self.grid.rows[0]]
        for i, row in enumerate(self.grid.rows[1:]):
            cells = list(row)
            cells[phone] = f"139{os.getpid() % 1000:03d}{self.round % 100:02d}{i:03d}"
            rows.append(tuple(cells))
        grid = dataclasses.replace(self.grid, rows=tuple(rows))
        while True:
            try:
                apply_roster_import(self.db, self.actor, grid)
                return
            except Exception as exc:
                if CONFLICT in str(getattr(exc, "message", exc)):
                    self.conflicts += 1
                    self.retries += 1
                    continue
                raise

    def review(self) -> None:
        from workforce.services.payroll.screens import month_review

        month_review(self.db, self.actor, PAY_MONTH)

    def renew(self) -> None:
        from workforce.services.careers.certificates import register_certificate

        if not self.certificates:
            return
        # alone from the front of the list, together from its end: each certificate once
        certificate = self.certificates.pop(0 if self.alone else -1)
        register_certificate(
            self.db, self.actor, certificate, dt.date.today() - dt.timedelta(days=1)
        )

    def stats(self) -> None:
        from workforce.services.stats.indicators import statistics as indicators

        indicators(self.db, self.actor)

    def dashboard(self) -> None:
        from workforce.services.stats.report import statistics_workspace

        statistics_workspace(self.db, self.actor, unit_id=self.account["street"])

    def payroll(self) -> None:
        from workforce.services.payroll.calc import calculate_month

        calculate_month(self.db, self.actor, PAY_MONTH)

    def adjust(self) -> None:
        from workforce.services.adjustment.run import prepare_run

        prepare_run(self.db, self.actor, ADJUST_YEAR)

    def operation(self, name: str) -> Callable[[], None]:
        table: dict[str, Callable[[], None]] = {
            "edit": self.edit,
            "import": self.import_roster,
            "review": self.review,
            "renew": self.renew,
            "stats": self.stats,
            "dashboard": self.dashboard,
            "payroll": self.payroll,
            "adjust": self.adjust,
        }
        return table[name]


def child(plan_file: str, index: int, mode: str, seconds: float, rounds: int, think: float) -> None:
    """One process: ``solo`` runs each operation ``rounds`` times; ``load`` its mix until the
    time is up. Writes its timings as JSON on standard output's last line."""
    plan = json.loads(Path(plan_file).read_text("utf-8"))
    account = plan["accounts"][index]
    clerk = Clerk(plan, account, seed=index, alone=mode == "solo")
    timings: dict[str, list[float]] = {}
    errors: list[str] = []
    kind = account["kind"]
    if mode == "solo":
        names = list(dict.fromkeys(MIX)) if kind == "clerk" else [kind]
        schedule = [n for _ in range(rounds if kind == "clerk" else 2) for n in names]
        deadline = float("inf")
    else:
        schedule = []
        deadline = time.monotonic() + seconds
    step = 0
    while True:
        if mode == "solo":
            if step >= len(schedule):
                break
            name = schedule[step]
        else:
            if time.monotonic() >= deadline:
                break
            name = kind if kind != "clerk" else clerk.rng.choice(MIX)
            if kind == "clerk" and step:
                time.sleep(think * clerk.rng.uniform(0.5, 1.5))
        step += 1
        started = time.perf_counter()
        try:
            clerk.operation(name)()
        except Exception as exc:
            errors.append(f"{name}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
            traceback.print_exc(file=sys.stderr)
            continue
        timings.setdefault(name, []).append(time.perf_counter() - started)
    clerk.db.close()
    result = {
        "account": account["username"],
        "timings": timings,
        "errors": errors,
        "conflicts": clerk.conflicts,
        "retries": clerk.retries,
        "saves": {str(k): v for k, v in clerk.saves.items()},
        "cpu": time.process_time(),
    }
    print(json.dumps(result))


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


def server_cpu(database: str, seen: dict[int, float]) -> None:
    """CPU seconds of every backend of ``database`` (its process title names it), kept per pid."""
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            if f" {database} " not in title:
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seen[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick


def run_phase(
    plan_file: Path, plan: dict[str, Any], mode: str, indexes: list[int], args: argparse.Namespace
) -> tuple[list[dict[str, Any]], float, float]:
    database = plan["roles"]["database"]
    seen: dict[int, float] = {}
    started = time.perf_counter()
    processes = [spawn(plan_file, i, mode, args) for i in indexes]
    results: list[dict[str, Any]] = []
    watcher = create_engine(plan["admin"], isolation_level="AUTOCOMMIT")
    while any(p.poll() is None for p in processes):
        server_cpu(database, seen)
        waits(watcher, database)
        time.sleep(1.0)
    watcher.dispose()
    results = [collect(p) for p in processes]
    return results, time.perf_counter() - started, sum(seen.values())


WAITS: dict[str, int] = {}
"""What the busy backends of the database were doing, one sample a second: ``running`` (on a
core or waiting for one), ``Lock:transactionid`` (a row another transaction holds), …"""


def waits(watcher: Any, database: str) -> None:
    query = text(
        "SELECT coalesce(wait_event_type || ':' || wait_event, 'running') FROM pg_stat_activity"
        " WHERE datname = :database AND state = 'active' AND pid <> pg_backend_pid()"
    )
    with watcher.connect() as connection:
        for (what,) in connection.execute(query, {"database": database}):
            WAITS[what] = WAITS.get(what, 0) + 1


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def lost_updates(plan: dict[str, Any], results: list[dict[str, Any]]) -> tuple[int, int]:
    """(saves counted by the clerks, increments missing in the database) over edited people."""
    from workforce.persistence.people import Worker

    saves: dict[int, int] = {}
    for result in results:
        for worker, count in result["saves"].items():
            saves[int(worker)] = saves.get(int(worker), 0) + count
    engine = create_engine(plan["url"])
    with engine.connect() as connection:
        query = select(Worker.id, Worker.remarks).where(Worker.id.in_(sorted(saves)))
        stored = {worker: remarks for worker, remarks in connection.execute(query)}
    engine.dispose()
    missing = 0
    for worker, count in saves.items():
        value = int((stored.get(worker) or "bench:0").split(":")[-1] or 0)
        missing += max(0, count - value)  # the solo phase's saves are in the counter too
    return sum(saves.values()), missing


def report(
    solo: list[dict[str, Any]],
    load: list[dict[str, Any]],
    plan: dict[str, Any],
    minutes: float,
    server_seconds: float,
    wall: float,
    lost: tuple[int, int],
) -> str:
    def gather(results: list[dict[str, Any]]) -> dict[str, list[float]]:
        merged: dict[str, list[float]] = {}
        for result in results:
            for name, values in result["timings"].items():
                merged.setdefault(name, []).extend(values)
        return merged

    alone, together = gather(solo), gather(load)
    lines = [
        "| operation | alone n | alone p50 | alone p95 | together n | together p50 |"
        " together p95 | p95 ratio |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in ("edit", "import", "review", "renew", "stats", "dashboard", "payroll", "adjust"):
        a, t = alone.get(name, []), together.get(name, [])
        if not a or not t:
            continue
        ratio = quantile(t, 0.95) / quantile(a, 0.95)
        lines.append(
            f"| {name} | {len(a)} | {quantile(a, 0.5):.3f} | {quantile(a, 0.95):.3f} | {len(t)} |"
            f" {quantile(t, 0.5):.3f} | {quantile(t, 0.95):.3f} | {ratio:.2f}× |"
        )
    errors = [e for r in load for e in r["errors"]]
    conflicts = sum(r["conflicts"] for r in load)
    retries = sum(r["retries"] for r in load)
    operations = sum(len(v) for v in together.values())
    client_cpu = sum(r["cpu"] for r in load)
    lines += [
        "",
        f"- {len(load)} processes for {minutes:g} min ({wall:.0f} s wall), {operations:,}"
        f" operations, {plan['workers']:,} workers, connected as the clerks' role",
        f"- errors a clerk would see: {len(errors)}"
        + (": " + "; ".join(sorted(set(errors))[:8]) if errors else ""),
        f"- refused as changed by someone else (by design) and re-opened: {conflicts}"
        f" (retries {retries}); serialization failures/deadlocks: "
        f"{sum('40001' in e or '40P01' in e or 'deadlock' in e.lower() for e in errors)}",
        f"- lost updates: {lost[1]} of {lost[0]:,} saves of the edited people",
        f"- server CPU (this database's backends): {server_seconds:.0f} s over {wall:.0f} s"
        f" = {server_seconds / wall:.2f} cores; the clerks' processes: {client_cpu:.0f} s",
        "- busy backends sampled each second: "
        + ", ".join(f"{k} {v}" for k, v in sorted(WAITS.items(), key=lambda kv: -kv[1])[:6]),
        f"- load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        f" ({os.cpu_count()} CPUs, shared)",
    ]
    return "\n".join(lines)


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
        _, _, plan_file, index, mode, seconds, rounds, think = sys.argv
        child(plan_file, int(index), mode, float(seconds), int(rounds), float(think))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", default=DEFAULT_PG)
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--think", type=float, default=2.0)
    parser.add_argument("--solo-rounds", type=int, default=20)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    plan = build(args.pg, args.workers)
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
            load, wall, server_seconds = run_phase(plan_file, plan, "load", list(range(10)), args)
            lost = lost_updates(plan, solo + load)
            print(report(solo, load, plan, args.minutes, server_seconds, wall, lost))
        finally:
            if not args.keep:
                drop(plan)
    return 0


if __name__ == "__main__":
    sys.exit(main())
