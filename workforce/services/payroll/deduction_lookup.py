"""One 专项附加扣除 declaration found by its number, as the lists show it: what the command line
needs to correct, end or delete a declaration the clerk names by number."""

from __future__ import annotations

from sqlalchemy import select

from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.persistence.payroll import SpecialDeduction
from workforce.persistence.people import Worker
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.deduction_edits import DeclarationRow, declarations


def find_declaration(db: Database, actor: Actor, declaration_id: int) -> DeclarationRow:
    """The declaration numbered ``declaration_id``; refuses an unknown number."""
    require(actor, Action.VIEW_WORKERS)
    with db.reading() as session:
        number = session.scalar(
            select(Worker.id_number)
            .join(SpecialDeduction, SpecialDeduction.worker_id == Worker.id)
            .where(SpecialDeduction.id == declaration_id)
        )
    if number is None:
        raise ActionRefused(f"专项附加扣除申报 {declaration_id} 不存在")
    # The worker's own declarations are few: read them through the list's query.
    found = [
        r for r in declarations(db, actor, search=number) if r.declaration_id == declaration_id
    ]
    if not found:
        raise ActionRefused(f"专项附加扣除申报 {declaration_id} 不存在")
    return found[0]


__all__ = ["find_declaration"]
