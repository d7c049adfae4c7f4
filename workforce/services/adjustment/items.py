"""Evaluating every active worker for an adjustment run (年度调级调薪 §4) and writing the run's
items: the rules once per distinct facts, each item built and converted once per distinct facts,
the rows streamed to the database as they come."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.adjustment.plan import (
    PlanLine,
    PlanSummary,
    monthly_delta,
    summarise_counted,
    yearly_delta,
)
from workforce.domain.adjustment.rules import Proposal, Proposer, WorkerHistory
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.scale import ScaleVersion
from workforce.persistence.adjustment import (
    COPY_CHUNK,
    ITEM_COLUMNS,
    AdjustmentRun,
    ItemRows,
    item_row_writer,
)
from workforce.services.adjustment.inputs import PlanFacts, load_facts

PROPOSED_LEVEL = ITEM_COLUMNS.index("proposed_level") - 2  # in an item row's values after its ids


def _item_row(
    run_id: int,
    proposal: Proposal,
    monthly: Decimal,
    yearly: Decimal,
    before: dict[str, Any],
) -> dict[str, Any]:
    after = dict(before)
    after.update(
        post=proposal.new_post,
        level=proposal.new_level,
        credited_ladder=proposal.credited_ladder,
        early_steps_used=proposal.early_steps_used,
        early_streak_start=proposal.early_streak_start,
        credited_honour_kinds=",".join(sorted(proposal.credited_honour_kinds)),
    )
    return {
        "run_id": run_id,
        "worker_id": proposal.worker_id,
        "old_post": proposal.old_post,
        "old_level": proposal.old_level,
        "new_post": proposal.new_post,
        "proposed_level": proposal.new_level,
        "new_level": proposal.new_level,
        "reasons": [{"rule": r.rule, "steps": r.steps, "text": r.text} for r in proposal.reasons],
        "notes": list(proposal.notes),
        "monthly_delta": monthly,
        "yearly_delta": yearly,
        "state_before": before,
        "state_after": after,
    }


class Costs:
    """Monthly and yearly cost of a proposal, computed once per distinct (post, level) move: a
    few hundred among 100,000 workers."""

    def __init__(self, scale: ScaleVersion, share_rate: Decimal) -> None:
        self.scale, self.share_rate = scale, share_rate
        self.known: dict[tuple[str, int, str, int], tuple[Decimal, Decimal]] = {}

    def of(self, proposal: Proposal) -> tuple[Decimal, Decimal]:
        move = (proposal.old_post, proposal.old_level, proposal.new_post, proposal.new_level)
        found = self.known.get(move)
        if found is None:
            monthly = monthly_delta(self.scale, proposal)
            found = self.known[move] = (monthly, yearly_delta(monthly, self.share_rate))
        return found


def _state_changes(proposal: Proposal, before: dict[str, Any]) -> bool:
    return proposal.changed or (
        proposal.credited_ladder != before["credited_ladder"]
        or proposal.early_steps_used != before["early_steps_used"]
        or ",".join(sorted(proposal.credited_honour_kinds)) != before["credited_honour_kinds"]
    )


def _before_state(identity_start: int | None, proposal_history: Any) -> dict[str, Any]:
    h = proposal_history
    return {
        "post": h.post,
        "level": h.level,
        "level_start_year": identity_start,
        "credited_ladder": h.credited_ladder,
        "early_steps_used": h.early_steps_used,
        "early_streak_start": h.early_streak_start,
        "credited_honour_kinds": ",".join(sorted(h.credited_honour_kinds)),
    }


def _item_template(
    run_id: int,
    history: WorkerHistory,
    level_start_year: int | None,
    proposer: Proposer,
    costs: Costs,
    year: int,
) -> dict[str, Any] | None:
    """The item of a worker (without its id), None when the run leaves the worker alone."""
    posts = proposer.posts
    if history.post not in posts or (history.new_post and history.new_post not in posts):
        return None
    proposal = proposer.propose(history)
    before = _before_state(level_start_year, history)
    if not (_state_changes(proposal, before) or proposal.notes):
        return None
    row = _item_row(run_id, proposal, *costs.of(proposal), before)
    if proposal.changed:
        row["state_after"]["level_start_year"] = year
    row["changed"], row["blocked"] = proposal.changed, bool(proposal.notes)
    return row


_UNSEEN: Any = object()
ItemRow = tuple[int, int, tuple[Any, ...]]  # run, worker, the other values (ItemRows)
Line = tuple[str, str, str, bool, bool, Decimal]  # a PlanLine's values
# what workers with the same facts share: their item row's values after the ids and their
# summary line's values after the street; None when the run leaves them alone
Shared = tuple[tuple[Any, ...], tuple[str, bool, bool, Decimal]] | None


class _Shared:
    """What the workers of each distinct facts share (``known``): the history is built, the rules
    evaluated, the item built and converted once per distinct facts (about 10,000 among 100,000
    workers)."""

    def __init__(
        self, run_id: int, facts: PlanFacts, proposer: Proposer, costs: Costs, convert: ItemRows
    ) -> None:
        self.run_id, self.facts, self.proposer = run_id, facts, proposer
        self.costs, self.convert = costs, convert
        self.known: dict[tuple[object, ...], Shared] = {}

    def add(self, worker_id: int, key: tuple[object, ...]) -> Shared:
        """What the workers with the facts ``key`` share (the first is ``worker_id``)."""
        history = self.facts.history(worker_id, key)
        start = self.facts.level_start_year(key)
        year = self.proposer.year
        item = _item_template(self.run_id, history, start, self.proposer, self.costs, year)
        found: Shared = None
        if item is not None:
            line = (item["new_post"], item["changed"], item["blocked"], item["yearly_delta"])
            found = (self.convert.rest(item), line)
        self.known[key] = found
        return found


def _plan(
    shared: _Shared,
    write: Callable[[Sequence[ItemRow]], None],
    progress: ProgressFn,
    cancel: CancelToken | None,
) -> tuple[list[ItemRow], Counter[Line]]:
    """The run's item rows (as ``item_row_writer`` takes them, given to ``write`` as they come)
    and its summary lines (with how many workers share each)."""
    rows: list[ItemRow] = []
    written = 0
    counted: Counter[tuple[int, tuple[str, bool, bool, Decimal]]] = Counter()  # by community
    known, run_id = shared.known, shared.run_id
    workers = shared.facts.workers
    total = len(workers)
    for index, (worker_id, community, key) in enumerate(workers):
        if index % 2000 == 0:
            progress(index, total)
            if cancel is not None:
                cancel.check()
            if len(rows) - written >= COPY_CHUNK:
                write(rows[written:])
                written = len(rows)
        found = known.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = shared.add(worker_id, key)
        if found is None:
            continue
        tail, line = found
        rows.append((run_id, worker_id, tail))
        counted[community, line] += 1
    write(rows[written:])
    progress(total, total)
    lines: Counter[Line] = Counter()
    places = shared.facts.places
    for (community, line), n in counted.items():
        lines[(*places[community], *line)] += n
    return rows, lines


def evaluate_workers(
    session: Session,
    run: AdjustmentRun,
    rules: AdjustmentRules,
    scale: ScaleVersion,
    costs: Costs,
    progress: ProgressFn,
    cancel: CancelToken | None,
) -> tuple[PlanSummary, int, dict[int, int]]:
    """Evaluate every active worker and insert the run's items: the plan's summary, its number of
    items and their proposed levels by worker.

    The 100,000 workers' facts and items live only in here. The caller pauses the cyclic garbage
    collector around it (``gc_paused``): its full collections rescanning them were about 0.3 s,
    and it resumes once they are gone, so its first collection does not scan them either."""
    facts = load_facts(session, run.year, run.effective_date, rules)
    proposer = Proposer(rules, {p.code: p for p in scale.posts}, run.year)
    with item_row_writer(session) as write:  # (on PostgreSQL: as the rows come)
        shared = _Shared(run.id, facts, proposer, costs, ItemRows(session))
        items, lines = _plan(shared, write, progress, cancel)
    summary = summarise_counted((PlanLine(*line), n) for line, n in lines.items())
    return summary, len(items), {worker: rest[PROPOSED_LEVEL] for _, worker, rest in items}
