"""预算测算 (issue 19): next years' pay bill from the people and rules on file, baseline and
scenarios side by side. Reads only: nothing in the database changes.

The inputs are read in a few bulk queries (``projection_inputs``); the scenarios are read from
their JSON here; ``domain.adjustment.projection`` computes the rest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.adjustment.projection import (
    BudgetReport,
    Population,
    Scenario,
    project_population,
)
from workforce.domain.adjustment.scenario import (
    Assumptions,
    ScenarioError,
    read_scenario,
    scale_posts,
)
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn, no_progress
from workforce.domain.scale import ScaleVersion
from workforce.domain.scales.table import parse_scale_sheet
from workforce.domain.sheet import SheetGrid
from workforce.persistence.pay import PayScale
from workforce.services.adjustment.projection_inputs import read_inputs
from workforce.services.context import Actor, Database, gc_paused, require
from workforce.services.roster.org import descendants, org_nodes
from workforce.services.roster.scope import unit_within_scope
from workforce.services.scale import load_scale

ScaleReader = Callable[[str], SheetGrid]


def _scenario(
    session: Session,
    data: Mapping[str, Any],
    paths: Mapping[str, list[int]],
    scale_of: ScaleReader | None,
    current: ScaleVersion,
) -> Scenario:
    def community(name: str) -> int:
        found = paths.get(name, [])
        if len(found) != 1:
            raise ScenarioError(f"情景的 headcount 中「{name}」不是唯一的社区（可写 街道/社区）")
        return found[0]

    def scale(entry: Mapping[str, Any], effective: dt.date) -> ScaleVersion:
        if "version" in entry:
            stored = _stored_scale(session, str(entry["version"]))
            return ScaleVersion(effective, stored.posts, dict(stored.amounts))
        if scale_of is None or "file" not in entry:
            raise ScenarioError(
                "scale 需要薪酬标准表文件（scale.file）或已有的薪酬标准版本（scale.version）"
            )
        posts = scale_posts(entry.get("posts"), current.posts)
        codes = {p.code for p in posts}
        missing = [p.name for p in current.posts if p.code not in codes]
        if missing:
            raise ScenarioError(f"新薪酬标准没有现有岗位：{'、'.join(missing)}（现有人员无法对应）")
        sheet = parse_scale_sheet(scale_of(str(entry["file"])), posts)
        if sheet.has_errors:
            problems = "；".join(p.message for p in sheet.problems if p.is_error)
            raise ScenarioError(f"情景的薪酬标准表有误：{problems}")
        return ScaleVersion(effective, posts, dict(sheet.amounts))

    try:
        return _said_if_already_paired(read_scenario(data, community, scale), current)
    except (ScenarioError, KeyError) as exc:
        raise ActionRefused(f"情景「{data.get('name', '')}」：{exc}") from None


def _said_if_already_paired(scenario: Scenario, current: ScaleVersion) -> Scenario:
    """同酬 for a post the scale in force already pays by the other's table changes nothing: the
    report says so, rather than leaving the clerk to wonder at a column equal to the baseline."""
    if scenario.parity_from is None:
        return scenario
    post, with_ = current.post(scenario.parity_post), current.post(scenario.parity_with)
    scales = (current,) if scenario.scale is None else (current, scenario.scale)
    for scale in scales:
        found = scale.post(scenario.parity_post)
        if found is None or found.paid_as != scenario.parity_with:
            return scenario
    assert post is not None
    other = with_.name if with_ is not None else scenario.parity_with
    note = f"现行薪酬标准中{post.name}已按{other}标准计发，同酬不改变测算"
    return replace(scenario, notes=(*scenario.notes, note))


def _stored_scale(session: Session, ref: str) -> ScaleVersion:
    """A stored scale version by its name or the date it took effect (YYYY-MM-DD)."""
    try:
        by_date = PayScale.effective_date == dt.date.fromisoformat(ref)
    except ValueError:
        by_date = PayScale.name == ref
    found = session.scalars(select(PayScale.id).where(by_date | (PayScale.name == ref))).all()
    if len(found) != 1:
        what = "没有" if not found else "有多个"
        raise ScenarioError(f"scale.version：{what}名为或生效于「{ref}」的薪酬标准版本")
    return load_scale(session, found[0])


def budget_projection(
    db: Database,
    actor: Actor,
    first: int,
    years: int,
    scenarios: Sequence[Mapping[str, Any]] = (),
    assumptions: Assumptions | None = None,
    *,
    unit_id: int | None = None,
    scale_of: ScaleReader | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> BudgetReport:
    """预算测算: ``years`` years from ``first``, the baseline and each scenario (JSON mappings,
    see ``domain.adjustment.scenario``); ``scale_of`` reads a scale table a scenario names."""
    require(actor, Action.VIEW_ADJUSTMENT)
    if not 1 <= years <= 10:
        raise ActionRefused(f"测算年数应为1到10年，实为{years}")
    assumptions = assumptions or Assumptions()
    with gc_paused(), db.reading() as session:
        scope = unit_within_scope(session, actor, unit_id)
        nodes = org_nodes(session)
        unit = next((n for n in nodes if n.id == scope), None)
        within = None if scope is None else descendants(nodes, scope)
        inputs = read_inputs(session, first, assumptions, within, nodes)
        current = max(
            (s for s in inputs.economy.scales if s.effective_date <= dt.date(first, 1, 1)),
            key=lambda s: s.effective_date,
        )
        parsed = [_scenario(session, s, inputs.paths, scale_of, current) for s in scenarios]
    total = 1 + len(parsed)
    progress(0, total)
    with gc_paused():  # the cohorts and the rules' answers, alive until the report is made
        # the people grouped once, the rules evaluated once per distinct facts across the runs
        population = Population(inputs.people, inputs.units, inputs.economy, first, years)
        runs = []
        for index, scenario in enumerate((Scenario(), *parsed)):
            if cancel is not None:
                cancel.check()
            progress(index, total)
            runs.append(project_population(population, scenario))
    progress(total, total)
    baseline, *done = runs
    return BudgetReport(
        first,
        years,
        baseline,
        tuple(done),
        tuple(inputs.notes),
        len(inputs.people),
        inputs.overdue,
        unit.name if unit is not None else None,
    )
