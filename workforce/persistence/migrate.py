"""Schema upgrades through Alembic; ``init`` and the first start call ``upgrade_to_head``."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from workforce.domain.problems import ActionRefused
from workforce.persistence.server_roles import refuse_migration_without_rights


def _migrations_dir() -> Path:
    import migrations  # the top-level Alembic package, shipped with the program

    return Path(migrations.__file__).parent


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_migrations_dir()))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def upgrade_to_head(engine: Engine) -> bool:
    """Bring the schema to the newest revision; True when something was applied."""
    current, head = current_revision(engine), head_revision(engine)
    if current == head:
        return False
    if current is not None and current not in known_revisions():
        raise ActionRefused(
            f"数据库结构（版本 {current}）比本程序新（{head}）："
            "另一台电脑上的新版本程序已升级了它。请先把本程序升级到最新版本"
        )
    if head is not None:
        with engine.connect() as connection:
            refuse_migration_without_rights(connection, current, head)
    command.upgrade(alembic_config(engine), "head")
    return True


def known_revisions() -> list[str]:
    """This program's schema revisions, oldest first (a database at another is newer)."""
    config = Config()
    config.set_main_option("script_location", str(_migrations_dir()))
    script = ScriptDirectory.from_config(config)
    return [r.revision for r in reversed(list(script.walk_revisions()))]
