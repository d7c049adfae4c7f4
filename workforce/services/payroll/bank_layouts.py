"""代发格式 (§9): bank layouts kept as data in the ``setting`` table, one JSON value per layout
(key ``bank_layout:<name>``). The built-in ``default`` and ``csv`` layouts are installed at init
and cannot be changed or deleted; a clerk saves a bank's own layout, exports it as JSON for
another district and imports one received."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.payroll.bank_layout import (
    BUILTIN_LAYOUTS,
    BankLayout,
    check_layout,
    layout_document,
    layout_from_document,
)
from workforce.domain.problems import ActionRefused
from workforce.persistence.accounts import Setting
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require

PREFIX = "bank_layout:"


def _key(name: str) -> str:
    return PREFIX + name


def _stored(session: Session) -> dict[str, BankLayout]:
    rows = session.scalars(select(Setting).where(Setting.key.startswith(PREFIX)))
    found = {}
    for row in rows:
        value: dict[str, Any] = row.value
        found[row.key[len(PREFIX) :]] = layout_from_document(
            value, builtin=bool(value.get("builtin"))
        )
    return found


def install_builtin_layouts(session: Session) -> bool:
    """The built-in layouts that are missing (``workforce init``); existing ones are kept."""
    installed = False
    for name, builtin in BUILTIN_LAYOUTS.items():
        if session.get(Setting, _key(name)) is None:
            session.add(
                Setting(key=_key(name), value={**layout_document(builtin), "builtin": True})
            )
            installed = True
    return installed


def _all(session: Session) -> list[BankLayout]:
    stored = _stored(session)
    builtins = [stored.get(name, layout) for name, layout in BUILTIN_LAYOUTS.items()]
    own = sorted((v for k, v in stored.items() if k not in BUILTIN_LAYOUTS), key=lambda v: v.name)
    return builtins + own


def list_layouts(db: Database) -> list[BankLayout]:
    """Built-in layouts first, then the district's own by name."""
    with db.reading() as session:
        return _all(session)


def get_layout(db: Database, name: str) -> BankLayout:
    """The layout of that name; refuses an unknown name, listing those there are."""
    with db.reading() as session:
        layouts = _all(session)
    for layout in layouts:
        if layout.name == name.strip():
            return layout
    known = "、".join(layout.name for layout in layouts)
    raise ActionRefused(f"没有名为「{name}」的代发格式（可用：{known}）")


def _refuse_builtin(name: str, what: str) -> None:
    if name in BUILTIN_LAYOUTS:
        raise ActionRefused(f"「{name}」是内置代发格式，不能{what}；请另存为新名称后修改")


def _changes(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, tuple[object, object]]:
    def text(value: object) -> object:
        return json.dumps(value, ensure_ascii=False) if isinstance(value, list | bool) else value

    before = old or {}
    return {
        key: (text(before.get(key)) if old else None, text(value))
        for key, value in new.items()
        if old is None or before.get(key) != value
    }


def save_layout(db: Database, actor: Actor, layout: BankLayout) -> BankLayout:
    """保存代发格式: create or replace the district's own layout (checked, audited old → new)."""
    require(actor, Action.EDIT_CONFIGURATION)
    checked = check_layout(layout)
    name = checked.name.strip()
    _refuse_builtin(name, "修改")
    document = layout_document(checked)
    with db.transaction() as session:
        row = session.get(Setting, _key(name))
        old = None if row is None else dict(row.value)
        if row is None:
            session.add(Setting(key=_key(name), value=document))
        else:
            row.value = document
        audit.record(
            session,
            actor,
            "create" if old is None else "update",
            "bank_layout",
            None,
            _changes(old, document),
            note=f"{'新建' if old is None else '修改'}代发格式「{name}」",
        )
    return layout_from_document(document)


def delete_layout(db: Database, actor: Actor, name: str) -> None:
    """删除代发格式 (the district's own only)."""
    require(actor, Action.EDIT_CONFIGURATION)
    _refuse_builtin(name, "删除")
    with db.transaction() as session:
        row = session.get(Setting, _key(name))
        if row is None:
            raise ActionRefused(f"没有名为「{name}」的代发格式")
        old = dict(row.value)
        session.delete(row)
        audit.record(
            session,
            actor,
            "delete",
            "bank_layout",
            None,
            {k: (value, None) for k, (_, value) in _changes(None, old).items()},
            note=f"删除代发格式「{name}」",
        )


def layout_json(layout: BankLayout) -> str:
    """The layout as the JSON text exported for another district or kept with the bank's notes."""
    return json.dumps(layout_document(layout), ensure_ascii=False, indent=2) + "\n"


def import_layout(db: Database, actor: Actor, text: str, name: str | None = None) -> BankLayout:
    """导入代发格式 from JSON text, optionally under another name; checked like a saved one."""
    require(actor, Action.EDIT_CONFIGURATION)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ActionRefused(f"代发格式文件不是有效的 JSON：第 {exc.lineno} 行，{exc.msg}") from None
    if name is not None and isinstance(document, dict):
        document["name"] = name
    return save_layout(db, actor, layout_from_document(document))
