"""Kill the writer (SIGKILL) at random moments of an import, an adjustment apply and a payroll
lock, then check the survivor: all or nothing, no orphans, audit agreeing with the data.

Each operation runs in a child process on a fresh copy of a prepared database; the kill comes
after a seeded random delay spread over the operation's duration (measured first by an uncut
run). The default is a few kills per operation; ``WORKFORCE_CRASH_KILLS=200`` runs the long
campaign, ``WORKFORCE_CRASH_SEED`` changes the draw. With ``-s`` each test prints its tally.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import PG_ADMIN_URL
from tests.crash.invariants import DONE, Counts, adjustment_done, file_checks, table_counts
from tests.crash.scenario import prepare, write_sheet
from workforce.services.backup import BEFORE_APPLY, BEFORE_LOCK
from workforce.services.context import Database

KILLS = int(os.environ.get("WORKFORCE_CRASH_KILLS", "3"))
SEED = int(os.environ.get("WORKFORCE_CRASH_SEED", "20261125"))
ROOT = Path(__file__).parents[2]
OVERSHOOT = 1.15  # some kills land after the end: the commit must then be there
BACKED_UP = {"apply": BEFORE_APPLY, "lock": BEFORE_LOCK}
# a child process per kill, a few seconds per operation: run by ``pytest -m slow`` (CI's second
# step)
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Prepared:
    path: Path
    sheet: Path
    before: Counts


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    folder = tmp_path_factory.mktemp("crash")
    db = Database.open(str(folder / "prepared.db"))
    prepare(db)
    before = table_counts(db.engine)
    db.close()
    return Prepared(folder / "prepared.db", write_sheet(folder / "花名册.xlsx"), before)


def run_child(
    operation: str, url: str, sheet: Path, delay: float | None
) -> tuple[list[str], float]:
    """Run the operation in a child; kill it ``delay`` seconds after it is ready (None: let it
    finish). Returns the markers it wrote and the seconds from ready to finished."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.crash.scenario", operation, url, str(sheet)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    markers = [child.stdout.readline().strip()]
    assert markers == ["ready"], child.stderr.read()
    started = time.monotonic()
    if delay is not None:
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
    elapsed = 0.0
    for line in child.stdout:  # until the child ends or is killed
        markers.append(line.strip())
        if markers[-1] == "finished":
            elapsed = time.monotonic() - started
    status = child.wait()
    errors = child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    assert status in ((0, -signal.SIGKILL) if delay is not None else (0,)), errors
    return markers, elapsed


def phase(markers: list[str]) -> str:
    """Where the kill landed, from the last marker the child wrote."""
    if "committed" in markers:
        return "after commit"
    if "backup" in markers and "backup-done" not in markers:
        return "during backup"
    if markers[-1] == "begin":
        return "in transaction"
    return "before"


def survivor(url: str, operation: str, counts: tuple[Counts, Counts], where: str) -> bool:
    """Check the invariants; returns whether the operation is there (all of it)."""
    db = Database.open(url)
    try:
        done = DONE[operation](db)
        assert table_counts(db.engine) == counts[done], "row counts are neither before nor after"
    finally:
        db.close()
    if where == "after commit":
        assert done, "a commit that returned was lost"
    if where in ("before", "during backup"):
        assert not done, "written before its transaction began"
    return done


def campaign(operation: str, prepared: Prepared, folder: Path) -> Counter[tuple[str, bool]]:
    rng = random.Random(f"{SEED}-{operation}")
    whole = folder / "whole" / "workforce.db"
    whole.parent.mkdir()
    shutil.copy(prepared.path, whole)
    _, duration = run_child(operation, str(whole), prepared.sheet, None)
    if operation in BACKED_UP:  # the file as it was is kept beside it
        assert len(list((whole.parent / "backups").glob(f"*-{BACKED_UP[operation]}.db"))) == 1
    after = Database.open(str(whole))
    assert DONE[operation](after)
    counts = (prepared.before, table_counts(after.engine))
    after.close()
    tally: Counter[tuple[str, bool]] = Counter()
    for kill in range(KILLS):
        path = folder / f"kill{kill}" / "workforce.db"
        path.parent.mkdir()
        shutil.copy(prepared.path, path)
        markers, _ = run_child(
            operation, str(path), prepared.sheet, rng.uniform(0, duration * OVERSHOOT)
        )
        assert file_checks(path) == []
        where = phase(markers)
        tally[where, survivor(str(path), operation, counts, where)] += 1
        shutil.rmtree(path.parent)
    print(f"\n{operation}: {KILLS} kills over {duration:.2f} s: {dict(tally)}")
    return tally


@pytest.mark.parametrize("operation", ["import", "apply", "lock"])
def test_a_killed_operation_leaves_all_or_nothing_on_sqlite(
    operation: str, prepared: Prepared, tmp_path: Path
) -> None:
    tally = campaign(operation, prepared, tmp_path)
    assert sum(tally.values()) == KILLS


@pytest.fixture(scope="module")
def pg_template() -> Iterator[tuple[str, Counts]]:
    """A prepared PostgreSQL database used as the template of each killed run's database."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"workforce_crash_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    db = Database.open(make_url(PG_ADMIN_URL).set(database=name).render_as_string(False))
    prepare(db)
    before = table_counts(db.engine)
    db.close()
    yield name, before
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@contextmanager
def clone(template: str) -> Iterator[str]:
    """A throw-away copy of the template database; its URL."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"{template}_{uuid.uuid4().hex[:6]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_a_killed_client_leaves_postgresql_all_or_nothing(
    pg_template: tuple[str, Counts], prepared: Prepared
) -> None:
    """The server rolls back the transaction of a client that died in it."""
    template, before = pg_template
    rng = random.Random(f"{SEED}-postgresql")
    with clone(template) as url:
        _, duration = run_child("apply", url, prepared.sheet, None)
        after = Database.open(url)
        assert adjustment_done(after)
        counts = (before, table_counts(after.engine))
        after.close()
    tally: Counter[tuple[str, bool]] = Counter()
    for _ in range(max(KILLS // 2, 2)):
        with clone(template) as url:
            markers, _ = run_child(
                "apply", url, prepared.sheet, rng.uniform(0, duration * OVERSHOOT)
            )
            where = phase(markers)
            tally[where, survivor(url, "apply", counts, where)] += 1
    print(f"\npostgresql apply: kills over {duration:.2f} s: {dict(tally)}")
