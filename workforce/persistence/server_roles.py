"""Least privilege on a PostgreSQL server (issue 18 §3): two roles, and who may migrate.

The **owner** role owns the schema: it alone runs ``workforce init`` (Alembic), and it may
change a locked month (a correction the city's DBA makes by hand, audited outside the program).
The **clerks' role** is what every clerk's program connects as: it reads and writes the data
tables, but it creates, alters and drops nothing, it can only append to ``audit_log`` (no UPDATE,
DELETE or TRUNCATE: the privilege is not granted, and the trigger of migration 0006 refuses the
row changes for every role), and the trigger of migration 0009 refuses any change to the payslips
of a locked month for every role but the owner.

``setup_statements`` is what a database administrator runs once (a superuser, or a role with
CREATEROLE that owns the database); ``grant_statements`` gives the clerks' role the tables that
exist (run again by the owner after an upgrade adds tables: default privileges cover the new
ones, this is for a schema migrated before the roles existed).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, event, text

from workforce.domain.problems import ActionRefused

DEFAULT_OWNER = "workforce_owner"
DEFAULT_CLERKS = "workforce_app"
APPEND_ONLY = ("audit_log",)
"""Tables the clerks' role may only read and append to."""
SCHEMA_ONLY = ("alembic_version",)
"""Tables the clerks' role may only read (the schema's revision belongs to the owner)."""


def quote(name: str) -> str:
    """A role or database name as a SQL identifier (``"…"``, inner quotes doubled)."""
    return '"' + name.replace('"', '""') + '"'


def literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@dataclass(frozen=True, slots=True)
class Roles:
    database: str
    owner: str = DEFAULT_OWNER
    clerks: str = DEFAULT_CLERKS
    schema: str = "public"


def _create_role(name: str) -> str:
    return (
        "DO $$ BEGIN"
        f" IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {literal(name)}) THEN"
        f" CREATE ROLE {quote(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;"
        " END IF; END $$"
    )


def _hand_over(roles: Roles) -> str:
    """Every table, sequence and function already in the schema to the owner (a schema migrated
    by a superuser before the roles existed)."""
    owner, schema = literal(roles.owner), literal(roles.schema)
    owner, schema = literal(quote(roles.owner)), literal(quote(roles.schema))
    return (
        "DO $$ DECLARE r record; BEGIN"
        " FOR r IN SELECT c.relname FROM pg_class c"
        " JOIN pg_namespace n ON n.oid = c.relnamespace"
        f" WHERE n.nspname = {literal(roles.schema)} AND c.relkind IN ('r', 'p', 'v', 'm') LOOP"
        f" EXECUTE 'ALTER TABLE ' || {schema} || '.' || quote_ident(r.relname)"
        f" || ' OWNER TO ' || {owner}; END LOOP;"
        " FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p"
        " JOIN pg_namespace n ON n.oid = p.pronamespace"
        f" WHERE n.nspname = {literal(roles.schema)} LOOP"
        f" EXECUTE 'ALTER FUNCTION ' || r.f || ' OWNER TO ' || {owner}; END LOOP;"
        " END $$"
    )


def setup_statements(roles: Roles) -> list[str]:
    """What the database administrator runs once, connected to the city's database."""
    owner, clerks, schema, database = (
        quote(roles.owner),
        quote(roles.clerks),
        quote(roles.schema),
        quote(roles.database),
    )
    return [
        _create_role(roles.owner),
        _create_role(roles.clerks),
        f"ALTER DATABASE {database} OWNER TO {owner}",
        f"REVOKE ALL ON DATABASE {database} FROM PUBLIC",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {clerks}",
        f"ALTER SCHEMA {schema} OWNER TO {owner}",
        f"REVOKE ALL ON SCHEMA {schema} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {schema} TO {clerks}",
        _hand_over(roles),
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}"
        f" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {clerks}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}"
        f" GRANT USAGE, SELECT ON SEQUENCES TO {clerks}",
        *grant_statements(roles),
    ]


def grant_statements(roles: Roles) -> list[str]:
    """The clerks' role on the tables that exist now: data read and written, the audit log
    appended to, the schema revision read. Run by the owner (or a superuser)."""
    clerks, schema = quote(roles.clerks), quote(roles.schema)
    statements = [
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {clerks}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {clerks}",
    ]
    guarded = (*APPEND_ONLY, *SCHEMA_ONLY)
    for table in guarded:
        revoked = "UPDATE, DELETE" if table in APPEND_ONLY else "INSERT, UPDATE, DELETE"
        statements.append(
            "DO $$ BEGIN"
            f" IF to_regclass({literal(roles.schema + '.' + table)}) IS NOT NULL THEN"
            f" REVOKE {revoked}, TRUNCATE ON {schema}.{quote(table)} FROM {clerks};"
            " END IF; END $$"
        )
    return statements


def setup_script(roles: Roles) -> str:
    """The statements as a psql script with what to do before and after, in Chinese comments."""
    lines = [
        f"-- workforce：在数据库 {roles.database} 上建立两个角色（由数据库管理员执行一次）",
        f"-- 所有者角色 {roles.owner}：建立和升级数据库结构（workforce init），可更正已锁定月份",
        f"-- 职员角色 {roles.clerks}：各职员电脑上的程序使用；可读写数据，不能修改结构，",
        "--   审计日志只能追加（不能 UPDATE/DELETE/TRUNCATE），不能修改已锁定月份的工资条",
        f"-- 用法：psql -v ON_ERROR_STOP=1 -d {roles.database} -f 本文件",
        "",
    ]
    lines += [statement + ";" for statement in setup_statements(roles)]
    lines += [
        "",
        "-- 然后为两个角色设置密码（在 psql 中输入，密码不会留在命令历史或日志里）：",
        f"--   \\password {roles.owner}",
        f"--   \\password {roles.clerks}",
        f"-- 以所有者角色建立或升级结构：workforce init --db "
        f"postgresql+psycopg://{roles.owner}@服务器/{roles.database}",
        f"-- 职员电脑连接时使用用户 {roles.clerks}（系统 → 数据库连接…）",
        "-- pg_hba.conf 只允许加密连接，例如：",
        f"--   hostssl {roles.database} {roles.clerks},{roles.owner} 10.0.0.0/8 scram-sha-256",
    ]
    return "\n".join(lines) + "\n"


def apply_setup(engine: Engine, roles: Roles) -> None:
    """Run ``setup_statements`` on a connection of the database administrator."""
    with engine.begin() as connection:
        for statement in setup_statements(roles):
            connection.exec_driver_sql(statement)


@contextmanager
def acting_as(engine: Engine, role: str) -> Iterator[Engine]:
    """Every new connection of ``engine`` does ``SET ROLE role`` (a superuser migrating on the
    owner's behalf: what it creates belongs to the owner)."""

    def set_role(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute(f"SET ROLE {quote(role)}")
        cursor.close()
        dbapi_connection.commit()  # type: ignore[attr-defined]

    engine.dispose()
    event.listen(engine, "connect", set_role)
    try:
        yield engine
    finally:
        event.remove(engine, "connect", set_role)
        engine.dispose()


def refuse_migration_without_rights(connection: Connection, current: str | None, head: str) -> None:
    """PostgreSQL: the schema needs an upgrade and this connection's role may not change it (the
    clerks' role): say who must, instead of failing half-way with a permission error."""
    if connection.dialect.name != "postgresql":
        return
    row = connection.execute(
        text(
            "SELECT current_user, has_schema_privilege(current_schema(), 'CREATE'),"
            " pg_get_userbyid(n.nspowner),"
            " coalesce((SELECT pg_has_role(c.relowner, 'USAGE') FROM pg_class c"
            "  WHERE c.oid = to_regclass('alembic_version')), true)"
            " FROM pg_namespace n WHERE n.nspname = current_schema()"
        )
    ).one()
    user, may_create, owner, owns_revision = row
    if may_create and owns_revision:
        return
    shown = current or "（空数据库）"
    raise ActionRefused(
        f"数据库结构需要升级（{shown} → {head}），但当前连接的角色「{user}」无权修改数据库结构"
        f"（它是职员使用的角色）。请由数据库所有者「{owner}」连接后运行 workforce init，"
        "再启动本程序"
    )
