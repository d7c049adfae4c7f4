"""``workforce payroll deduction list|correct|end|delete``: the 专项附加扣除 declarations already
entered (``add`` and ``import`` are in commands_payroll_inputs): list them by person or unit,
correct one entered wrongly, stop one from a month, delete one entered by mistake. Every change
is the service the desktop's declarations screen calls (permission, month guard, audit)."""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from ui.cli.common import CliError, emit_json, opened, say
from workforce.domain.problems import ActionRefused
from workforce.services.payroll.deduction_edits import (
    DeclarationRow,
    correct_deduction,
    declarations,
)
from workforce.services.payroll.deduction_lookup import find_declaration
from workforce.services.payroll.deductions import delete_deduction, end_deduction
from workforce.services.payroll.guard import label, parse_period


def _period(text: str) -> dt.date:
    try:
        return parse_period(text)
    except ActionRefused as exc:
        raise CliError(exc.message) from None


def _amount(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise CliError(f"扣除额「{text}」不是金额") from None
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        raise CliError(f"扣除额「{text}」不是以元为单位、最多两位小数的金额")
    return value


def _months(row: DeclarationRow) -> str:
    return f"{label(row.from_month)}" + (f"至{label(row.to_month)}" if row.to_month else "起长期")


def _document(row: DeclarationRow) -> dict[str, Any]:
    return {
        "id": row.declaration_id,
        "id_number": row.id_number,
        "name": row.name,
        "street": row.street,
        "community": row.community,
        "kind": row.kind,
        "monthly_amount": f"{row.monthly_amount:.2f}",
        "from_month": row.from_month.strftime("%Y-%m"),
        "to_month": row.to_month.strftime("%Y-%m") if row.to_month else None,
        "note": row.note,
        "entered_by": row.entered_by,
    }


def run_deduction_list(args: argparse.Namespace) -> int:
    from workforce.services.adjustment.views import worker_id_for
    from workforce.services.roster.export import find_unit

    with opened(args) as (db, actor):
        unit = find_unit(db, args.unit) if args.unit else None
        number = args.id_number.strip().upper() if args.id_number else ""
        if number:
            worker_id_for(db, number)  # an unknown number is an error, not an empty list
        rows = declarations(db, actor, unit_id=unit, search=number)
    if number:
        rows = [r for r in rows if r.id_number == number]
    if args.json:
        emit_json({"declarations": [_document(r) for r in rows]})
        return 0
    for row in rows:
        print(
            f"{row.declaration_id}\t{row.id_number}\t{row.name}\t{row.street}/{row.community}\t"
            f"{row.kind}\t每月 {row.monthly_amount:,.2f}\t{_months(row)}\t{row.note}"
        )
    say(f"共 {len(rows)} 条申报")
    return 0


def run_deduction_correct(args: argparse.Namespace) -> int:
    amount = _amount(args.amount) if args.amount is not None else None
    first = _period(args.first) if args.first else None
    last = _period(args.last) if args.last else None
    with opened(args) as (db, actor):
        row = find_declaration(db, actor, args.declaration)
        to_month = None if args.open_ended else (last or row.to_month)
        correct_deduction(
            db,
            actor,
            row.declaration_id,
            kind=args.kind or row.kind,
            monthly_amount=row.monthly_amount if amount is None else amount,
            from_month=first or row.from_month,
            to_month=to_month,
            note=row.note if args.note is None else args.note,
        )
        new = find_declaration(db, actor, row.declaration_id)
    say(
        f"已更正专项附加扣除申报 {new.declaration_id}（{new.name}）：{new.kind} 每月 "
        f"{new.monthly_amount:,.2f}，{_months(new)}"
    )
    return 0


def run_deduction_end(args: argparse.Namespace) -> int:
    last = _period(args.last)
    with opened(args) as (db, actor):
        row = find_declaration(db, actor, args.declaration)
        end_deduction(db, actor, row.declaration_id, last)
    say(f"专项附加扣除申报 {row.declaration_id}（{row.name} {row.kind}）扣除至{label(last)}")
    return 0


def run_deduction_delete(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        row = find_declaration(db, actor, args.declaration)
        delete_deduction(db, actor, row.declaration_id)
    say(f"已删除专项附加扣除申报 {row.declaration_id}（{row.name} {row.kind}，{_months(row)}）")
    return 0
