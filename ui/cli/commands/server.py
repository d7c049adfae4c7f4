"""``workforce server setup``: the SQL of the two roles (owner, clerks) for a city's server,
printed for the database administrator, or run with ``--apply`` on a superuser's connection."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ui.cli.common import CliError, say

if TYPE_CHECKING:
    from workforce.persistence.server_roles import Roles


def run_setup(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from workforce.persistence.database import resolve_url
    from workforce.persistence.server_roles import Roles, setup_script

    url = make_url(resolve_url(args.db))
    database = args.database or url.database
    if not args.apply:
        if not database:
            raise CliError("请用 --database 指明数据库名")
        print(setup_script(Roles(database, args.owner, args.clerks)), end="")
        return 0
    if url.get_backend_name() != "postgresql":
        raise CliError("--apply 需要 PostgreSQL 服务器的地址（--db postgresql+psycopg://…）")
    return _apply(args, Roles(database or "", args.owner, args.clerks))


def _apply(args: argparse.Namespace, roles: Roles) -> int:
    from sqlalchemy import text

    from workforce.persistence.database import describe_url
    from workforce.persistence.server_roles import acting_as, apply_setup, grant_statements
    from workforce.services.context import Database
    from workforce.services.system.setup import initialise

    db = Database.open(args.db)
    try:
        with db.engine.connect() as connection:
            superuser = connection.execute(
                text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            ).scalar()
        if not superuser:
            raise CliError(
                "--apply 需要以超级用户（如 postgres）连接；或不加 --apply，"
                "把打印的 SQL 交给数据库管理员执行"
            )
        say(f"数据库：{describe_url(db.engine)}")
        apply_setup(db.engine, roles)
        say(f"已建立角色：所有者 {roles.owner}，职员 {roles.clerks}")
        with acting_as(db.engine, roles.owner):
            report = initialise(db)
            with db.engine.begin() as connection:
                for statement in grant_statements(roles):
                    connection.exec_driver_sql(statement)
        say("已以所有者身份升级数据库结构" if report.migrated else "数据库结构已是最新")
        say(
            f"下一步：在 psql 中用 \\password {roles.owner} 和 \\password {roles.clerks} 设置密码；"
            f"职员电脑以用户 {roles.clerks} 连接（系统 → 数据库连接…）"
        )
    finally:
        db.close()
    return 0
