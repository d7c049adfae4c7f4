"""Pay bill projection benchmark (issue 19): 5 years × (baseline + 2 scenarios) on the demo
population, against a ceiling of the pure adjustment rules alone over the same people.

Run by hand (not by pytest)::

    python bench/bench_budget.py [--workers 100000] [--url sqlite:///existing.db]

Without ``--url`` the demo is built for ``today`` = 2026-11-25 on a temporary SQLite file and
every active worker gets a 2026 appraisal (18 % 优秀, the rest 称职, as bench_adjustment does).
- projection: ``budget_projection`` (read everything, project three runs of five years);
- ceiling: reading the facts as the projection does and advancing each distinct history (workers
  with equal facts: once) through the same five runs with the pure rules, three times: no
  grades assumed, no pay, no contributions, no sums. (Before the projection grouped its workers
  the ceiling walked every worker, 33–36 s; the projection now evaluates the rules once per
  distinct facts too, so the ceiling does.)

A last line splits the projection's seconds: the reading, the grouping into cohorts, each run
(the baseline evaluates the rules; the raise keeps them and shares the baseline's walk; 两年一调
evaluates its own).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from bench_adjustment import TODAY, add_appraisals, peak_mb  # noqa: E402

from workforce.domain.adjustment.rules import Proposer  # noqa: E402
from workforce.services.accounts.acting_user import actor_for  # noqa: E402
from workforce.services.adjustment.inputs import load_facts  # noqa: E402
from workforce.services.adjustment.projection import budget_projection  # noqa: E402
from workforce.services.adjustment.run import rules_for  # noqa: E402
from workforce.services.context import Database  # noqa: E402
from workforce.services.scale import scale_in_force  # noqa: E402
from workforce.services.system.demo import generate_demo  # noqa: E402
from workforce.services.system.setup import initialise  # noqa: E402

FIRST, YEARS = 2027, 5
SCENARIOS = (
    {"name": "普调5%", "raise": {"rate": "0.05", "from": "2027-07-01"}},
    {"name": "两年一调", "step_years": 2},
)


def ceiling(db: Database) -> tuple[float, int]:
    """Reading the facts as the projection does, and the rules alone over the same people:
    evaluated once per distinct facts (as the projection and the adjustment run do), each
    history advanced through the five runs of each of the three runs; no grades assumed, no
    pay, no contributions, no sums. Returns the seconds and the distinct facts."""
    start = time.perf_counter()
    with db.reading() as session:
        scale = scale_in_force(session, dt.date(FIRST, 1, 1))
        assert scale is not None
        rules = rules_for(session, FIRST)
        facts = load_facts(session, FIRST, dt.date(FIRST, 1, 1), rules)
    posts = {p.code: p for p in scale.posts}
    distinct = {key: facts.history(w, key) for w, _, key in reversed(facts.workers)}
    people = list(distinct.values())
    for run in range(1 + len(SCENARIOS)):
        histories = list(people)
        for year in range(FIRST, FIRST + YEARS):
            step = 2 if run == 2 else rules.qualifying_years_per_step
            proposer = Proposer(replace(rules, qualifying_years_per_step=step), posts, year)
            for index, history in enumerate(histories):
                if history.post not in posts:
                    continue
                proposal = proposer.propose(history)
                if proposal.changed:
                    histories[index] = replace(
                        history, level=proposal.new_level, tenure_start_year=year, new_post=None
                    )
    return time.perf_counter() - start, len(people)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--url")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{tempfile.mkdtemp()}/budget.db"
    db = Database.open(url)
    initialise(db)
    admin = actor_for(db)
    if not args.url:
        generate_demo(db, admin, workers=args.workers, seed=7, today=TODAY)
        add_appraisals(db)
    load = os.getloadavg()[0]
    rules, distinct = ceiling(db)
    marks: list[float] = []  # at each progress call: after reading, before each run, at the end
    start, cpu = time.perf_counter(), time.process_time()
    report = budget_projection(
        db, admin, FIRST, YEARS, SCENARIOS, progress=lambda *_: marks.append(time.perf_counter())
    )
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    runs = " / ".join(f"{b - a:.2f}" for a, b in itertools.pairwise(marks[1:]))
    base = report.baseline.years[0].total.total
    print(
        f"ceiling | reading the facts and the rules alone over the same people, once per"
        f" distinct facts ({distinct:,}) × {YEARS} years × {1 + len(SCENARIOS)} runs"
        f" | {rules:.2f} s"
    )
    print(
        f"budget projection | {report.people:,} people × {YEARS} years × {1 + len(SCENARIOS)} runs"
        f" | {seconds:.2f} s (CPU {cpu:.2f} s) | ceiling {rules:.2f} s"
        f" | ratio {seconds / rules:.2f}× | target ≤ 10 s | peak {peak_mb():.0f} MB"
        f" | first year {base:,.2f} | load average {load:.2f} → {os.getloadavg()[0]:.2f}"
    )
    print(
        f"  reading {marks[0] - start:.2f} s | grouping {marks[1] - marks[0]:.2f} s"
        f" | runs {runs} s (the first with the rules, the raise sharing its walk)"
    )


if __name__ == "__main__":
    main()
