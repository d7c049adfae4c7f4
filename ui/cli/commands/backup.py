"""``workforce backup create|list|restore``: copies of the embedded database beside it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ui.cli.common import CliError, emit_json, opened, say
from workforce.services.backup import (
    MANUAL,
    BackupInfo,
    create_backup,
    inspect,
    list_backups,
    restore,
)


def document(info: BackupInfo) -> dict[str, Any]:
    facts = info.facts
    run = facts.last_applied_run
    return {
        "file": str(info.path),
        "made_at": info.made_at.isoformat(timespec="seconds"),
        "reason": info.reason,
        "size": info.size,
        "revision": facts.revision,
        "workers": facts.workers,
        "active_workers": facts.active_workers,
        "last_locked_month": facts.last_locked_month,
        "last_applied_run": (
            {"id": run[0], "year": run[1], "applied_at": run[2].isoformat()} if run else None
        ),
    }


def describe(info: BackupInfo) -> str:
    facts = info.facts
    run = facts.last_applied_run
    applied = f"{run[1]}年度调级（批次{run[0]}）" if run else "无"
    return (
        f"{info.name}  {info.made_at:%Y-%m-%d %H:%M:%S}  {info.reason}  "
        f"{info.size / 1048576:.1f} MB  结构 {facts.revision}  "
        f"人员 {facts.workers}（在职 {facts.active_workers}）  "
        f"最后锁定工资 {facts.last_locked_month or '无'}  最后应用调级 {applied}"
    )


def run_create(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        path = create_backup(db, actor, MANUAL if args.reason is None else args.reason)
    say(f"已备份到 {path}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with opened(args, unprotected=True) as (db, actor):
        found = list_backups(db, actor)
    if args.json:
        emit_json([document(info) for info in found])
    elif not found:
        say("还没有备份")
    else:
        print("\n".join(describe(info) for info in found))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    with opened(args, unprotected=True) as (db, actor):  # the way back from a tampered file
        path: Path = args.file
        if not path.exists():
            named = next((i.path for i in list_backups(db, actor) if i.name == path.name), None)
            if named is None:
                raise CliError(f"找不到备份文件：{path}")
            path = named
        if not args.yes:
            say(describe(inspect(db, path)))
            raise CliError("恢复将替换当前数据库；确认无误后加 --yes 再运行")
        restore(db, actor, path)
    say(f"已由 {path.name} 恢复；恢复前的数据已另存为一份备份")
    return 0
