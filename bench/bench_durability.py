"""The cost of durable commits on the embedded file: ``PRAGMA synchronous`` NORMAL against FULL.

Run by hand (not by pytest)::

    python bench/bench_durability.py [--edits 200] [--repeat 3] [--folder DIR]

Prepares the crash tests' database once (3,000 demo workers, an approved adjustment run, an
approved payroll month; tests/crash/scenario.py) in ``--folder`` (default: a temporary folder;
the disk it is on is what is measured), then, for each setting, on a fresh copy: the roster
import of 1,000 new people, the adjustment apply, the payroll lock (each with its backup), and
``--edits`` single-worker edits, one transaction each. Prints the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from sqlalchemy import select  # noqa: E402

from tests.crash import scenario  # noqa: E402
from workforce.persistence import database  # noqa: E402
from workforce.persistence.people import Worker  # noqa: E402
from workforce.services.accounts.acting_user import actor_for  # noqa: E402
from workforce.services.context import Database  # noqa: E402
from workforce.services.roster.workers import load_worker, update_worker  # noqa: E402


def edits(db: Database, count: int) -> Callable[[], object]:
    admin = actor_for(db)
    with db.reading() as session:
        ids = list(session.scalars(select(Worker.id).order_by(Worker.id).limit(count)))

    def run() -> None:
        for worker_id in ids:
            opened = load_worker(db, worker_id)
            changed = replace(opened.data, phone=f"139{worker_id:08d}")
            update_worker(db, admin, worker_id, changed, opened.version)

    return run


def timed(prepared: Path, sheet: Path, name: str, setting: str, count: int) -> float:
    database.SYNCHRONOUS = setting
    copy = prepared.parent / f"{name}-{setting}" / "workforce.db"
    copy.parent.mkdir()
    shutil.copy(prepared, copy)
    db = Database.open(str(copy))
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # the scenario's progress markers
            run = edits(db, count) if name == "edits" else scenario.operation(db, name, str(sheet))
            started = time.perf_counter()
            run()
            return time.perf_counter() - started
    finally:
        db.close()
        shutil.rmtree(copy.parent)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.folder) as name:
        folder = Path(name)
        prepared = folder / "prepared.db"
        db = Database.open(str(prepared))
        scenario.prepare(db)
        db.close()
        sheet = scenario.write_sheet(folder / "花名册.xlsx")
        print(f"{'operation':<28}{'NORMAL s':>10}{'FULL s':>10}{'extra s':>10}")
        for operation in ("import", "apply", "lock", "edits"):
            best = {
                setting: min(
                    timed(prepared, sheet, operation, setting, args.edits)
                    for _ in range(args.repeat)
                )
                for setting in ("NORMAL", "FULL")
            }
            label = f"{args.edits} single edits" if operation == "edits" else operation
            extra = best["FULL"] - best["NORMAL"]
            print(f"{label:<28}{best['NORMAL']:>10.2f}{best['FULL']:>10.2f}{extra:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
