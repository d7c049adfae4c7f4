"""Organisation tree (§1): 区/旗县 district → 街道/乡镇 street → 社区/村 community → 网格 grid."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workforce.persistence.base import Base


class OrgUnit(Base):
    """One node of the tree; ``kind`` is district, street, community or grid."""

    __tablename__ = "org_unit"
    __table_args__ = (UniqueConstraint("parent_id", "kind", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    headcount_norm: Mapped[int | None] = mapped_column(Integer)
