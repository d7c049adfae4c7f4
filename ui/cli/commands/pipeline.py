"""``workforce pipeline eligible|move|history|vacancies``: the promotion pipeline (晋升通道).

``pipeline eligible --target 副职 --json`` prints every active worker (or, with ``--pool``, the
target's reserve pool) by ID number, eligible or not, with each check and every reason as text.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from reports.careers.xlsx import write_eligibility
from ui.cli.common import emit_json, opened, parse_date, say, xlsx_path
from workforce.services.careers.pipeline import history, move
from workforce.services.careers.pipeline_lists import EligibilityList, eligibility_list, vacancies
from workforce.services.roster.dossier import worker_id_by_number
from workforce.services.roster.export import find_unit


def eligibility_document(listing: EligibilityList) -> dict[str, Any]:
    return {
        "target": listing.target,
        "date": listing.on,
        "pool_only": listing.pool_only,
        "rules": listing.rules.to_mapping(),
        "eligible": listing.eligible,
        "total": len(listing.rows),
        "people": [
            {
                "id_number": r.person.id_number,
                "name": r.person.name,
                "street": r.person.street,
                "community": r.person.community,
                "eligible": r.verdict.eligible,
                "pool_since": r.pool_since,
                "checks": [
                    {"rule": c.rule, "passed": c.passed, "text": c.text} for c in r.verdict.checks
                ],
                "reasons": list(r.verdict.reasons_against),
            }
            for r in listing.rows
        ],
    }


def run_eligible(args: argparse.Namespace) -> int:
    on = parse_date(args.date, "审查日期") if args.date else dt.date.today()
    target = xlsx_path(args.xlsx, "资格审查名单") if args.xlsx else None
    with opened(args) as (db, actor):
        unit_id = find_unit(db, args.unit) if args.unit else None
        listing = eligibility_list(
            db, actor, args.target, pool_only=args.pool, unit_id=unit_id, on=on
        )
    if target is not None:
        write_eligibility(target, listing)
        say(f"已导出：{target}")
    if args.json:
        emit_json(eligibility_document(listing))
        return 0
    counted = f"符合 {listing.eligible} 人，共 {len(listing.rows)} 人"
    say(f"{listing.target}资格审查（{on:%Y-%m-%d}）：{counted}")
    for r in listing.rows:
        verdict = (
            "符合" if r.verdict.eligible else "不符合：" + "；".join(r.verdict.reasons_against)
        )
        print(f"{r.person.community}\t{r.person.name}\t{r.person.id_number}\t{verdict}")
    return 0


def run_move(args: argparse.Namespace) -> int:
    day = parse_date(args.date, "变动日期")
    with opened(args) as (db, actor):
        worker_id = worker_id_by_number(db, args.id_number)
        result = move(
            db,
            actor,
            worker_id,
            args.stage,
            effective_date=day,
            reason=args.reason,
            source=args.source,
            target_role=args.target_role,
        )
    say(f"已记录：{args.id_number} {day:%Y-%m-%d} {args.stage}")
    if result.appointment_id is not None:
        say("已登记岗位任免，下次调级时按新岗位定级")
    if result.committee_marked:
        say("档案已标记为两委成员")
    return 0


def run_history(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        steps = history(db, actor, worker_id_by_number(db, args.id_number))
    if args.json:
        emit_json(
            {
                "id_number": args.id_number.upper(),
                "history": [
                    {
                        "date": t.effective_date,
                        "stage": t.stage,
                        "target_role": t.target_role,
                        "source": t.source,
                        "reason": t.reason,
                        "recorded_by": t.recorded_by,
                    }
                    for t in steps
                ],
            }
        )
        return 0
    for t in steps:
        print(f"{t.effective_date:%Y-%m-%d}\t{t.label}\t{t.source}\t{t.reason}")
    return 0


def run_vacancies(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        unit_id = find_unit(db, args.unit) if args.unit else None
        found = vacancies(db, actor, unit_id=unit_id)
    if args.json:
        emit_json(
            [
                {
                    "street": v.street,
                    "community": v.community,
                    "norm": v.norm,
                    "headcount": v.headcount,
                    "vacancy": v.vacancy,
                    "roles": [
                        {
                            "role": r.role,
                            "norm": r.norm,
                            "holders": r.holders,
                            "appointed": r.appointed,
                            "reserve": r.reserve,
                            "vacancy": r.vacancy,
                            "over": max(r.gap, 0),
                        }
                        for r in v.roles
                    ],
                }
                for v in found
            ]
        )
        return 0
    for v in found:
        norm = f"未设核定人数，在岗{v.headcount}人"
        if v.norm is not None:
            norm = f"核定{v.norm}人，在岗{v.headcount}人，空缺{v.vacancy}"
        roles = "；".join(
            f"{r.role}{'超配' + str(r.gap) if r.gap > 0 else '缺' + str(r.vacancy)}"
            f"（在任{r.holders + r.appointed}/核定{r.norm}，后备{r.reserve}）"
            for r in v.roles
        )
        print(f"{v.street}\t{v.community}\t{norm}\t{roles}")
    return 0
