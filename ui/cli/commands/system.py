"""``workforce init``: create or upgrade the database and install the defaults; ``workforce
check``: is the embedded file intact; the ``user`` commands (``commands_users``)."""

from __future__ import annotations

import argparse

from ui.cli.common import open_database, say
from workforce.persistence.database import describe_url
from workforce.services.context import Database
from workforce.services.system.health import check_database, damaged_message

SHOWN_PROBLEMS = 10


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


def run_check(args: argparse.Namespace) -> int:
    """Read only: neither migrates nor signs in (a damaged file must not be written)."""
    db = Database.open(args.db)
    try:
        health = check_database(db)
    finally:
        db.close()
    if health.ok:
        say(f"数据库完好（完整性检查通过）：{health.database}")
        return 0
    say(damaged_message(health, writing_stopped=False))
    for line in health.problems[:SHOWN_PROBLEMS]:
        say(f"  {line}")
    if len(health.problems) > SHOWN_PROBLEMS:
        say(f"  …另有 {len(health.problems) - SHOWN_PROBLEMS} 处问题")
    return 1
