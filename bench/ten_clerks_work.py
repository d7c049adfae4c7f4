"""One clerk of ``bench_ten_clerks.py`` (a child process): the operations and the timing loop.

The clerk connects with ``application_name`` set to its account name, so the parent's sampling
of ``pg_stat_activity`` can tell whose backend waits and whose holds what it waits for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

PAY_MONTH = dt.date(2026, 1, 1)
ADJUST_YEAR = 2027
CONFLICT = "已被他人修改"
MIX = ("edit", "edit", "edit", "import", "review", "review", "renew", "stats", "dashboard")


class Clerk:
    def __init__(
        self, plan: dict[str, Any], account: dict[str, Any], seed: int, *, alone: bool
    ) -> None:
        from workforce.services.accounts.acting_user import actor_for
        from workforce.services.context import Database

        url = make_url(plan["url"]).update_query_dict({"application_name": account["username"]})
        self.db = Database.open(url.render_as_string(hide_password=False))
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


def child(
    plan_file: str, index: int, mode: str, seconds: float, rounds: int, think: float, pause: float
) -> None:
    """One process: ``solo`` runs each operation ``rounds`` times; ``load`` its mix until the
    time is up (the payroll and planning clerks ``pause`` seconds between two runs). Writes its
    timings as JSON on standard output's last line."""
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
            elif step and pause:
                time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
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
