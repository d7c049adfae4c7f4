"""The backup commands' arguments; their code, ``ui.cli.commands.backup``, is imported
when one of them runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.backup")


def register(sub: Any) -> None:
    backup = sub.add_parser("backup", help="备份与恢复内置数据库（调级应用、工资锁定前自动备份）")
    actions = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="立即备份")
    create.add_argument("--reason", help="备份原因（写入文件名；默认：手动）")
    create.set_defaults(handler=later("run_create"), needs=Action.EDIT_CONFIGURATION)
    listing = actions.add_parser("list", help="列出备份及其内容（人数、最后锁定的工资月份等）")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=later("run_list"), needs=Action.EDIT_CONFIGURATION)
    back = actions.add_parser("restore", help="用备份替换当前数据库（当前数据先另存一份备份）")
    back.add_argument("file", type=Path, metavar="FILE", help="备份文件（list 列出的文件名或路径）")
    back.add_argument("--yes", action="store_true", help="确认替换当前数据库")
    back.set_defaults(handler=later("run_restore"), needs=Action.EDIT_CONFIGURATION)
