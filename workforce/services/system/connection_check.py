"""测试连接 (issue 18 §1): can this PC reach that database, and is it one this program can use?
Says in plain words what failed: the server unreachable, the password wrong, the database or the
user unknown, the server refusing this computer or an unencrypted connection, the certificate
not trusted or not the server's name, not a workforce database, a schema older or newer than
the program. Reads only: nothing is created, migrated or locked."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import DBAPIError

from workforce.persistence.connection import ServerAddress
from workforce.persistence.migrate import known_revisions

TIMEOUT = 5


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    """``ok``: the program can open it (``message`` says what it found, e.g. an empty database
    it will prepare); else ``problem`` names the kind and ``message`` says it for the clerk."""

    ok: bool
    problem: str
    message: str
    detail: str = ""
    encrypted: bool = False
    needs_password: bool = False


_FAILURES = (
    # (what libpq says, problem, the clerk's words)
    ("password authentication failed", "password", "用户名或密码不正确"),
    ("no password supplied", "password", "服务器要求输入密码"),
    ("does not exist", "", ""),  # database or role: told apart below
    ("no pg_hba.conf entry", "refused", ""),
    ("certificate verify failed", "tls", "服务器证书不受信任（与所选的 CA 证书文件不符）"),
    ("does not match host name", "tls", "服务器证书上的名称与所填的主机地址不符"),
    ("server does not support SSL", "tls", "服务器未开启加密连接（SSL），而设置要求加密"),
    ("root certificate file", "tls", "找不到 CA 证书文件，或文件无法读取"),
    ("could not translate host name", "unreachable", "找不到该主机名，请检查服务器地址"),
    ("failed to resolve host", "unreachable", "找不到该主机名，请检查服务器地址"),
    ("connection refused", "unreachable", "无法连接到服务器：该端口上没有数据库服务（连接被拒绝）"),
    ("timeout expired", "unreachable", "无法连接到服务器：等待超时（网络不通或被防火墙阻挡）"),
    ("no route to host", "unreachable", "无法连接到服务器：网络不通"),
    ("network is unreachable", "unreachable", "无法连接到服务器：网络不通"),
)


def _failure(address: ServerAddress, error: str) -> ConnectionCheck:
    lowered = error.lower()
    first = error.strip().splitlines()[0] if error.strip() else error
    for needle, kind, said in _FAILURES:
        if needle.lower() not in lowered:
            continue
        problem, words = kind, said
        if needle == "does not exist" and "database" in lowered:
            problem, words = "no_database", f"服务器上没有名为「{address.database}」的数据库"
        elif needle == "does not exist":
            problem, words = "password", f"服务器上没有用户「{address.user}」"
        elif kind == "refused":
            encrypted_only = "；服务器只接受加密连接，请把加密方式设为“要求加密”或更严格"
            words = (
                "服务器拒绝本机以该用户连接到该数据库（pg_hba.conf 中没有相应条目）"
                + (encrypted_only if "no encryption" in lowered else "")
                + "，请联系数据库管理员"
            )
        return ConnectionCheck(
            False, problem, words, first, needs_password=needle == "no password supplied"
        )
    return ConnectionCheck(False, "other", "无法连接到数据库", first)


def _schema(current: str | None, tables: set[str]) -> ConnectionCheck | None:
    """None when the schema is this program's newest; else what differs."""
    known = known_revisions()
    head = known[-1]
    if current is None:
        if tables - {"alembic_version"}:
            return ConnectionCheck(
                False, "foreign", "这不是本程序的数据库（其中已有别的表），请换一个数据库"
            )
        return ConnectionCheck(True, "empty", "连接成功：这是一个空数据库，首次启动时建立结构")
    if current not in known:
        return ConnectionCheck(
            False,
            "newer",
            f"数据库结构（版本 {current}）比本程序新（{head}），请先把本程序升级到最新版本",
        )
    if current != head:
        return ConnectionCheck(
            True,
            "older",
            f"连接成功，但数据库结构（版本 {current}）比本程序旧（{head}）：启动时升级；"
            "职员角色无权升级，须由数据库所有者运行 workforce init",
        )
    return None


def check_server(address: ServerAddress, password: str | None) -> ConnectionCheck:
    """Connect once (``TIMEOUT`` seconds at most) and look, changing nothing."""
    engine = create_engine(
        address.url(), connect_args={"connect_timeout": TIMEOUT, "password": password or None}
    )
    try:
        with engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar_one()
            encrypted = bool(
                connection.execute(
                    text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                ).scalar()
            )
            tables = set(inspect(connection).get_table_names())
            current = None
            if "alembic_version" in tables:
                current = connection.execute(
                    text("SELECT version_num FROM alembic_version")
                ).scalar()
    except DBAPIError as exc:
        return _failure(address, str(exc.orig))
    except Exception as exc:  # e.g. a name that is not a host at all
        return _failure(address, str(exc))
    finally:
        engine.dispose()
    shown = "已加密（TLS）" if encrypted else "未加密"
    found = _schema(current, tables)
    if found is not None:
        return ConnectionCheck(
            found.ok,
            found.problem,
            f"{found.message}。PostgreSQL {version}，{shown}",
            "",
            encrypted,
        )
    return ConnectionCheck(
        True, "", f"连接成功：PostgreSQL {version}，{shown}，数据库结构为最新", "", encrypted
    )


def check_file(path: Path) -> ConnectionCheck:
    """The embedded file: missing (it will be created), this program's, or something else."""
    if not path.exists():
        if not path.parent.exists() and not path.parent.parent.exists():
            return ConnectionCheck(False, "unreachable", f"文件夹不存在：{path.parent}")
        return ConnectionCheck(True, "empty", "文件尚不存在：首次启动时在此新建数据库")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)
        try:
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
            current = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                current = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return ConnectionCheck(False, "foreign", "这不是本程序的数据库文件（无法读取）", str(exc))
    found = _schema(current, tables)
    if found is not None:
        return found
    return ConnectionCheck(True, "", "数据库文件可用，结构为最新")
