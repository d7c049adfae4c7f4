"""The JSON documents of the adjustment commands: money as strings with two decimals, dates as
ISO text, one entry per person with the reasons in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from workforce.domain.money import FEN
from workforce.domain.scales.table import ScaleDifference
from workforce.services.adjustment.run import RunDiff
from workforce.services.adjustment.views import GroupTotal, RunInfo, RunLine, RunOverview
from workforce.services.scales.admin import ScaleDetail, ScaleInfo


def money(amount: Decimal | None) -> str | None:
    """Yuan as text with two decimals ("1234.50"); exact, never through float."""
    return None if amount is None else str(amount.quantize(FEN))


def line_status(line: RunLine) -> str:
    if line.excluded:
        return "excluded"
    if line.changed:
        return "overridden" if line.overridden else "changed"
    return "blocked" if line.blocked else "unchanged"


def person(line: RunLine) -> dict[str, Any]:
    return {
        "id_number": line.id_number,
        "name": line.name,
        "district": line.district,
        "street": line.street,
        "community": line.community,
        "old_post": line.old_post_name,
        "old_level": line.old_level,
        "new_post": line.new_post_name,
        "new_level": line.new_level,
        "reasons": list(line.reasons),
        "notes": list(line.notes),
        "monthly_delta": money(line.counted_monthly),
        "yearly_delta": money(line.counted_yearly),
        "status": line_status(line),
        "excluded": line.excluded,
        "override_reason": line.override_reason,
    }


def _groups(groups: Sequence[GroupTotal]) -> dict[str, Any]:
    return {
        g.name: {"person_times": g.person_times, "yearly_cost": money(g.yearly_cost)}
        for g in groups
    }


def _people(ids: Sequence[int], known: Mapping[int, tuple[str, str]]) -> list[dict[str, str]]:
    return [
        {"id_number": known[w][0], "name": known[w][1]} if w in known else {"worker_id": str(w)}
        for w in ids
    ]


def since_last_document(
    diff: RunDiff | None, known: Mapping[int, tuple[str, str]]
) -> dict[str, Any] | None:
    if diff is None:
        return None
    return {
        "added": _people(diff.added, known),
        "removed": _people(diff.removed, known),
        "changed": _people(diff.changed, known),
    }


def run_document(
    overview: RunOverview, lines: Sequence[RunLine], since_last: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The plan or result of a run: who moves and why, and the figures a city reports."""
    o = overview
    return {
        "run_id": o.run_id,
        "year": o.year,
        "effective_date": o.effective_date.isoformat(),
        "status": o.status,
        "status_name": o.status_name,
        "prepared_by": o.prepared_by,
        "approved_by": o.approved_by,
        "applied_by": o.applied_by,
        "reverted_by": o.reverted_by,
        "people": [person(line) for line in lines],
        "summary": {
            "person_times": o.person_times,
            "yearly_cost": money(o.yearly_cost),
            "yearly_cost_wan": money(o.yearly_cost_wan),
            "blocked": o.blocked,
            "excluded": o.excluded,
            "overridden": o.overridden,
            "by_district": _groups(o.by_district),
            "by_street": _groups(o.by_street),
            "by_post": _groups(o.by_post),
            "employer_share_rate": (
                None if o.employer_share_rate is None else str(o.employer_share_rate)
            ),
        },
        "since_last": since_last,
    }


def _when(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def run_list_document(runs: Sequence[RunInfo]) -> list[dict[str, Any]]:
    """The run list, newest first: status, dates, who did what, 人次 and 年度增加资金."""
    return [
        {
            "run_id": r.run_id,
            "year": r.year,
            "effective_date": r.effective_date.isoformat(),
            "status": r.status,
            "status_name": r.status_name,
            "prepared_by": r.prepared_by or None,
            "prepared_at": _when(r.prepared_at),
            "approved_by": r.approved_by or None,
            "approved_at": _when(r.approved_at),
            "applied_by": r.applied_by or None,
            "applied_at": _when(r.applied_at),
            "person_times": r.person_times,
            "yearly_cost": money(r.yearly_cost),
            "yearly_cost_wan": money(r.yearly_cost_wan),
        }
        for r in runs
    ]


def scale_info(info: ScaleInfo) -> dict[str, Any]:
    return {
        "scale_id": info.scale_id,
        "name": info.name,
        "effective_date": info.effective_date.isoformat(),
        "amounts": info.amounts,
        "in_use": info.in_use,
    }


def scale_document(detail: ScaleDetail) -> dict[str, Any]:
    version = detail.version
    return {
        **scale_info(detail.info),
        "posts": [
            {
                "code": p.code,
                "name": p.name,
                "min_level": p.min_level,
                "max_level": p.max_level,
                "paid_as": p.paid_as,
                "aliases": list(p.aliases),
            }
            for p in version.posts
        ],
        "table": [
            {"post": post, "level": level, "monthly_pay": money(amount)}
            for (post, level), amount in sorted(version.amounts.items())
        ],
    }


def difference(d: ScaleDifference) -> dict[str, Any]:
    return {
        "post": d.post,
        "post_name": d.post_name,
        "level": d.level,
        "old": money(d.old),
        "new": money(d.new),
        "difference": money(d.difference),
        "changed": d.changed,
    }
