"""``workforce init``: create or upgrade the database and install the defaults; the ``user``
commands (``commands_users``)."""

from __future__ import annotations

import argparse
from typing import Any

from ui.cli import commands_users
from ui.cli.common import open_database, say
from workforce.persistence.database import describe_url


def register(sub: Any) -> None:
    init = sub.add_parser("init", help="创建或升级数据库，安装默认区、管理员和示范薪酬标准")
    init.set_defaults(handler=run_init)
    commands_users.register(sub)


def run_init(args: argparse.Namespace) -> int:
    db, report = open_database(args.db)
    try:
        say(f"数据库：{describe_url(db.engine)}")
        say("已升级到最新结构" if report.migrated else "数据库结构已是最新")
        if report.created_district:
            say("已创建默认区")
        if report.created_admin:
            say("已创建管理员账号 admin")
        if report.installed_scale:
            say("已安装示范地区薪酬标准（三岗十八级）")
    finally:
        db.close()
    return 0
