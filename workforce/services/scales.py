"""Reading pay scales: the posts and amounts of the version in force on a date."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.scale import PostRange, ScaleVersion
from workforce.persistence.pay import PayScale, ScaleAmount, ScalePost


def _scale_id_in_force(session: Session, on: dt.date) -> int | None:
    return session.scalar(
        select(PayScale.id)
        .where(PayScale.effective_date <= on)
        .order_by(PayScale.effective_date.desc())
        .limit(1)
    )


def _posts(session: Session, scale_id: int) -> tuple[PostRange, ...]:
    rows = session.scalars(
        select(ScalePost).where(ScalePost.scale_id == scale_id).order_by(ScalePost.sort_order)
    )
    return tuple(
        PostRange(
            code=r.code,
            name=r.name,
            min_level=r.min_level,
            max_level=r.max_level,
            paid_as=r.paid_as,
            aliases=tuple(a for a in r.aliases.split(",") if a),
        )
        for r in rows
    )


def posts_in_force(session: Session, on: dt.date) -> tuple[PostRange, ...]:
    """Posts and ranges of the scale in force on ``on`` (the earliest scale if none yet)."""
    scale_id = _scale_id_in_force(session, on) or session.scalar(
        select(PayScale.id).order_by(PayScale.effective_date).limit(1)
    )
    return _posts(session, scale_id) if scale_id is not None else ()


def scale_in_force(session: Session, on: dt.date) -> ScaleVersion | None:
    scale_id = _scale_id_in_force(session, on)
    if scale_id is None:
        return None
    scale = session.get_one(PayScale, scale_id)
    amounts = {
        (r.post, r.level): r.monthly_pay
        for r in session.scalars(select(ScaleAmount).where(ScaleAmount.scale_id == scale_id))
    }
    return ScaleVersion(scale.effective_date, _posts(session, scale_id), amounts)
