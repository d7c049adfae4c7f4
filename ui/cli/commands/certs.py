"""``workforce certs import|export|show|renew|correct`` and ``workforce reminders``.

A certificate import checks the whole sheet first; any error means nothing is written and the exit
status is 2, unless ``--valid-only`` imports the valid rows and hands the rejected ones back.
``--errors OUT.xlsx`` writes the clerk's sheet back with a 错误说明 column. With ``--json``
standard output holds only the JSON document; people are named by their ID number.
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import asdict
from typing import Any

from reports.careers.xlsx import write_certificate_register
from ui.cli.common import (
    Progress,
    emit_json,
    opened,
    parse_date,
    say,
    xlsx_path,
)
from ui.cli.sheet_check import SheetCheck, plan_document
from workforce.domain.careers.compliance import REMINDER_NAMES, ReminderKind
from workforce.services.careers.certificate_import import (
    CertificatePlan,
    apply_certificate_import,
    plan_certificate_import,
)
from workforce.services.careers.certificates import (
    CertificateView,
    certificate_by_number,
    certificate_register,
    correct_registration,
    register_certificate,
    worker_certificates,
)
from workforce.services.careers.training_report import reminders
from workforce.services.roster.dossier import worker_id_by_number
from workforce.services.roster.export import find_unit

KINDS = {kind.value: kind for kind in ReminderKind}


def _plan_document(plan: CertificatePlan) -> dict[str, Any]:
    changes = [
        {
            "action": c.action,
            "row": c.row,
            "id_number": c.id_number,
            "name": c.name,
            "level": c.level,
            "number": c.number,
            "obtained": c.obtained,
            "registrations": list(c.registrations),
            "old_registrations": list(c.old_registrations),
        }
        for c in plan.changes
    ]
    return plan_document(plan, changes)


def run_import(args: argparse.Namespace) -> int:
    check = SheetCheck(args)
    with opened(args) as (db, actor):
        plan = plan_certificate_import(db, actor, check.grid, progress=Progress("检查"))
        say(f"工作表「{plan.sheet}」：{plan.total_rows} 行证书")
        say(f"新增 {plan.created} 本，再登记或补充 {plan.updated} 本，未变 {plan.unchanged} 本")
        for change in plan.changes:
            if change.certificate_id is not None:
                dates = "、".join(f"{d:%Y-%m-%d}" for d in change.registrations)
                who = f"第{change.row}行 {change.name} {change.level}"
                say(f"  {who}：{change.action}（登记 {dates}）")
        if (status := check.stop(plan, lambda: _plan_document(plan))) is not None:
            return status
        result = apply_certificate_import(db, actor, check.grid, valid_only=check.valid_only)
    say(f"导入完成：新增 {result.created} 本，更新 {result.updated} 本（批次 {result.batch_id}）")
    check.hand_back(plan, result.rejected)
    if args.json:
        emit_json({"plan": _plan_document(plan), "result": asdict(result)})
    return 0


def run_export(args: argparse.Namespace) -> int:
    target = xlsx_path(args.out, "社工证台账")
    on = parse_date(args.date, "日期") if args.date else dt.date.today()
    with opened(args) as (db, actor):
        unit_id = find_unit(db, args.unit) if args.unit else None
        rows = certificate_register(db, actor, unit_id=unit_id, today=on)
    write_certificate_register(target, rows, on)
    say(f"已导出 {len(rows)} 本证书：{target}")
    return 0


def certificate_document(view: CertificateView) -> dict[str, Any]:
    return {
        "kind": view.kind,
        "level": view.level,
        "number": view.number,
        "obtained": view.obtained,
        "registrations": list(view.registrations),
        "periods": [[p.start, p.end] for p in view.periods],
        "valid_until": view.valid_until,
        "state": view.state,
        "allowance_from": view.allowance_from,
        "ladder_from": view.ladder_from,
    }


def run_show(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        views = worker_certificates(db, actor, worker_id_by_number(db, args.id_number))
    if args.json:
        emit_json(
            {
                "id_number": args.id_number.upper(),
                "certificates": [certificate_document(v) for v in views],
            }
        )
        return 0
    if not views:
        say("没有证书")
    for v in views:
        dates = "、".join(f"{d:%Y-%m-%d}" for d in v.registrations) or "未登记"
        until = f"，有效期至{v.valid_until:%Y-%m-%d}" if v.valid_until else ""
        print(f"{v.level}\t{v.number or '无编号'}\t登记：{dates}\t{v.state}{until}")
    return 0


def run_renew(args: argparse.Namespace) -> int:
    day = parse_date(args.date, "登记日期")
    with opened(args) as (db, actor):
        register_certificate(db, actor, certificate_by_number(db, args.number), day)
    say(f"已登记：证书 {args.number}，登记日期 {day:%Y-%m-%d}")
    return 0


def run_correct(args: argparse.Namespace) -> int:
    old, new = parse_date(args.old, "原登记日期"), parse_date(args.new, "正确的登记日期")
    with opened(args) as (db, actor):
        certificate = certificate_by_number(db, args.number)
        correct_registration(db, actor, certificate, old, new, reason=args.reason)
    say(f"已更正：证书 {args.number} 的登记日期 {old:%Y-%m-%d} → {new:%Y-%m-%d}")
    return 0


def run_reminders(args: argparse.Namespace) -> int:
    today = parse_date(args.date, "日期") if args.date else dt.date.today()
    kinds = frozenset(KINDS[k] for k in args.kind) if args.kind else None
    with opened(args) as (db, actor):
        unit_id = find_unit(db, args.unit) if args.unit else None
        found = reminders(
            db, actor, unit_id=unit_id, today=today, kinds=kinds, within_days=args.within
        )
    if args.json:
        emit_json(
            {
                "date": today,
                "count": len(found),
                "reminders": [
                    {
                        "id_number": r.person.id_number,
                        "name": r.person.name,
                        "street": r.person.street,
                        "community": r.person.community,
                        "kind": r.kind.value,
                        "kind_name": r.kind_name,
                        "due": r.due,
                        "short_by": r.short_by,
                        "text": r.text,
                    }
                    for r in found
                ],
            }
        )
        return 0
    counts = {kind: sum(1 for r in found if r.kind is kind) for kind in ReminderKind}
    say("，".join(f"{REMINDER_NAMES[k]} {n} 条" for k, n in counts.items()))
    for r in found:
        print(f"{r.person.community}\t{r.person.name}\t{r.kind_name}\t{r.text}")
    return 0
