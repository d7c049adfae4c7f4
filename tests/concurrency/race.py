"""Running two users' actions at the same moment on real, separate connections.

Each user has their own ``Database`` (engine, pool, connections), as two clerks on two PCs do.
A barrier lines them up so both have read before either writes; the results are counted the
way a reviewer would: who won, who was refused and with what message, what else went wrong.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from workforce.domain.problems import ActionRefused
from workforce.services.context import Database

ROUNDS = int(os.environ.get("WORKFORCE_CONCURRENCY_ROUNDS", "50"))
TIMEOUT = 120.0

Job = Callable[[Database, threading.Barrier], object]


@dataclass
class Tally:
    """What the rounds produced; ``lost_updates`` must stay 0."""

    rounds: int = 0
    wins: int = 0
    refusals: list[str] = field(default_factory=list)
    crashes: list[BaseException] = field(default_factory=list)
    lost_updates: int = 0


def url_of(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


@contextmanager
def users(db: Database, count: int = 2) -> Iterator[list[Database]]:
    """``count`` independent connections to the test database."""
    opened = [Database.open(url_of(db)) for _ in range(count)]
    try:
        yield opened
    finally:
        for each in opened:
            each.close()


def together(databases: list[Database], jobs: list[Job]) -> list[object]:
    """Run each job on its own thread and connection; returns results or the raised exceptions."""
    barrier = threading.Barrier(len(jobs), timeout=TIMEOUT)
    results: list[object] = [None] * len(jobs)

    def run(index: int) -> None:
        try:
            results[index] = jobs[index](databases[index], barrier)
        except BaseException as exc:  # the caller classifies every outcome
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
        assert not thread.is_alive(), "a concurrent action never finished (deadlock?)"
    return results


def count(tally: Tally, results: list[object]) -> list[int]:
    """Adds one round to the tally; returns the indexes of the users who succeeded."""
    tally.rounds += 1
    winners = []
    for index, result in enumerate(results):
        if isinstance(result, ActionRefused):
            tally.refusals.append(str(result))
        elif isinstance(result, BaseException):
            tally.crashes.append(result)
        else:
            winners.append(index)
    tally.wins += len(winners)
    return winners


def report(name: str, tally: Tally) -> None:
    """One line for the session log (``pytest -s``): the figures the issue asks for."""
    print(
        f"\n[concurrency] {name}: rounds={tally.rounds} wins={tally.wins} "
        f"refusals={len(tally.refusals)} crashes={len(tally.crashes)} "
        f"lost_updates={tally.lost_updates}"
    )
