"""``audit verify`` and the start-up check of the audit log's protection (issue 13 §7).

The log is a hash chain (domain/accounts/audit_chain.py): verifying walks it in id order and reports
the first entry that was edited, deleted or inserted behind the program's back. The database's own
guards (triggers that refuse UPDATE and DELETE) are checked whenever a program opens it: without
them the program refuses to write.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from workforce.domain.accounts.audit_chain import DELETED, EDITED, Break, first_break, texts
from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.audit_protection import missing_audit_triggers
from workforce.services.context import Actor, Database, require

_READ = 5000


class AuditUnprotected(ActionRefused):
    """The audit log's triggers are gone or disabled: the program does not write."""


def require_audit_protection(db: Database) -> None:
    """Refuse to go on when the triggers that keep the audit log append-only are missing."""
    with db.reading() as session:
        missing = missing_audit_triggers(session)
    if missing:
        raise AuditUnprotected(
            f"审计日志的保护（数据库触发器 {'、'.join(missing)}）已被删除或停用，"
            "数据库可能被人改动过，程序不会写入。"
            "请管理员用 `workforce audit verify` 检查审计日志，"
            "再从改动前的备份恢复（`workforce backup restore`），或由数据库管理员重建触发器"
        )


@dataclass(frozen=True, slots=True)
class ChainReport:
    """What ``audit verify`` found: entries checked in id order, of how many, the first break."""

    checked: int
    total: int
    broken: Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def describe(broken: Break) -> str:
    """The break in plain words, naming the entries."""
    after = f"第 {broken.after_id} 条" if broken.after_id is not None else "日志开头"
    if broken.kind == EDITED:
        return f"第 {broken.row_id} 条审计记录的内容与它的哈希不符：该记录被修改过"
    if broken.kind == DELETED:
        return (
            f"第 {broken.row_id} 条审计记录没有接在{after}之后：其间的记录被删除了"
            f"（或{after}被修改后重算了哈希）"
        )
    return f"第 {broken.row_id} 条审计记录不在哈希链上（接在{after}之后）：它是绕过程序插入的"


def verify_audit_log(db: Database, actor: Actor) -> ChainReport:
    """审计日志核验: re-hash every entry in id order; the first broken link, if any."""
    require(actor, Action.VIEW_AUDIT)
    log = AuditEntry.__table__.c
    columns = [log.id, log.prev_hash, log.row_hash, log.at, log.user_id, log.username]
    columns += [log.action, log.entity, log.entity_id, log.changes, log.batch_id, log.note]
    with db.reading() as session:
        total = session.scalar(select(func.count()).select_from(AuditEntry.__table__)) or 0
        rows = session.execute(select(*columns).order_by(log.id).execution_options(yield_per=_READ))
        checked, broken = first_break(texts(rows))
        rows.close()
    return ChainReport(checked, total, broken)
