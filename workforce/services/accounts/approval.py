"""Four eyes (双人复核) and its single-clerk exception for adjustment runs and payroll months.

A run or month is approved by someone other than who prepared it. Only where the region allows it
(setting ``allow_single_user_approval``) may an administrator approve their own work, and the audit
entry then says so.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import Setting
from workforce.services.context import Actor

SELF_APPROVAL_SETTING = "allow_single_user_approval"
SELF_APPROVAL_NOTE = "单人审批（本地区允许）"


def self_approval_note(
    session: Session, actor: Actor, preparer_id: int | None, refusal: str, who: str
) -> str:
    """The audit note for this approval: empty for four eyes, the single-clerk note when an
    administrator approves their own work where the region allows it; else refused."""
    if preparer_id is None or preparer_id != actor.user_id:
        return ""
    allowed = session.get(Setting, SELF_APPROVAL_SETTING)
    if allowed is None or not allowed.value:
        raise ActionRefused(refusal)
    if actor.role is not Role.ADMIN:
        raise ActionRefused(f"{refusal}；本地区只允许管理员单人审批")
    return f"{SELF_APPROVAL_NOTE}：{who}与审核人为同一人"
