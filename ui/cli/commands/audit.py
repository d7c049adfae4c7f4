"""``workforce audit list|export``: read the audit log (审计日志) with the desktop's filters."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reports.accounts.audit_xlsx import write_audit_xlsx
from ui.cli.common import CliError, Progress, emit_json, opened, parse_date, say
from workforce.services.accounts.audit_chain import describe, verify_audit_log
from workforce.services.accounts.audit_labels import action_name, entity_name
from workforce.services.accounts.audit_views import (
    AuditFilter,
    AuditRow,
    audit_count,
    audit_entries,
    audit_page,
)


def _wanted(args: argparse.Namespace) -> AuditFilter:
    return AuditFilter(
        since=parse_date(args.since, "起始日期") if args.since else None,
        until=parse_date(args.until, "截止日期") if args.until else None,
        username=args.by or "",
        action=args.action or "",
        entity=args.entity or "",
        entity_id=args.entity_id,
        id_number=args.id_number or "",
        text=args.text or "",
    )


def entry_document(row: AuditRow) -> dict[str, Any]:
    return {
        "id": row.entry_id,
        "at": row.at.isoformat(),
        "user": row.username,
        "action": row.action,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "changes": {c.field: [c.old, c.new] for c in row.changes},
        "batch_id": row.batch_id,
        "note": row.note,
    }


def run_list(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CliError("--limit 应为正整数")
    wanted = _wanted(args)
    with opened(args) as (db, actor):
        page = audit_page(db, actor, wanted, limit=args.limit)
    if args.json:
        emit_json({"entries": [entry_document(r) for r in page.rows]})
        return 0
    for row in page.rows:
        changes = "；".join(
            f"{c.label or c.field}: {c.old or ''} → {c.new or ''}" for c in row.changes
        )
        target = entity_name(row.entity) + (f" #{row.entity_id}" if row.entity_id else "")
        print(
            f"{row.at.astimezone():%Y-%m-%d %H:%M:%S}\t{row.username}\t"
            f"{action_name(row.action)}\t{target}\t{changes}\t{row.note}"
        )
    return 0


def run_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise CliError(f"输出文件「{out}」应以 .xlsx 结尾")
    wanted = _wanted(args)
    with opened(args) as (db, actor):
        total = audit_count(db, actor, wanted)
        progress = Progress("导出审计日志")
        written = write_audit_xlsx(
            out,
            audit_entries(db, actor, wanted),
            progress=lambda done: progress(done, total),
        )
    say(f"已导出 {written} 条审计记录到 {out}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    """Works on a database whose audit triggers are gone (that is when it is needed)."""
    with opened(args, unprotected=True) as (db, actor):
        report = verify_audit_log(db, actor)
    broken = report.broken
    if args.json:
        emit_json(
            {
                "ok": report.ok,
                "checked": report.checked,
                "total": report.total,
                "broken": None
                if broken is None
                else {
                    "row_id": broken.row_id,
                    "kind": broken.kind,
                    "after_id": broken.after_id,
                    "message": describe(broken),
                },
            }
        )
    if broken is None:
        say(f"审计日志完好：{report.checked} 条记录的哈希链逐条核对一致")
        return 0
    say(f"已核对 {report.checked} 条（共 {report.total} 条）：{describe(broken)}")
    raise CliError("审计日志核验未通过")
