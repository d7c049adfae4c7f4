"""The ``workforce`` command line: one sub-command per user action, the desktop's services.

With ``--json`` standard output holds only the JSON document; progress and messages go to standard
error. Errors are one clear line and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ui.cli import (
    commands_adjust,
    commands_allowance,
    commands_audit,
    commands_backup,
    commands_certs,
    commands_demo,
    commands_payroll,
    commands_pipeline,
    commands_reports,
    commands_roster,
    commands_system,
    commands_training,
)
from ui.cli.common import CliError, fail
from workforce.persistence.file_lock import declare_program

Handler = Callable[[argparse.Namespace], int]

COMMAND_MODULES = (
    commands_system,
    commands_roster,
    commands_demo,
    commands_adjust,
    commands_payroll,
    commands_reports,
    commands_certs,
    commands_training,
    commands_pipeline,
    commands_allowance,
    commands_audit,
    commands_backup,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workforce", description="社区工作者档案与薪酬管理系统（命令行）"
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="数据库：SQLite 文件路径或 postgresql+psycopg://… （默认：用户数据目录中的内置数据库；"
        "也可用环境变量 WORKFORCE_DB）",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        from ui.desktop.app import run_desktop

        return run_desktop(args.db)
    declare_program("命令行")
    try:
        return handler(args)
    except CliError as exc:
        return fail(str(exc), exc.status)
    except KeyboardInterrupt:
        return fail("已取消", 130)


if __name__ == "__main__":
    sys.exit(main())
