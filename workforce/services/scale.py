"""Reading pay scales: the posts and amounts of the version in force on a date."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.scale import PostRange, ScaleVersion
from workforce.persistence.pay import PayScale, ScaleAmount, ScalePost


def scale_id_in_force(session: Session, on: dt.date) -> int | None:
    """The id of the newest version effective on or before ``on``."""
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
    scale_id = scale_id_in_force(session, on) or session.scalar(
        select(PayScale.id).order_by(PayScale.effective_date).limit(1)
    )
    return _posts(session, scale_id) if scale_id is not None else ()


def load_scale(session: Session, scale_id: int) -> ScaleVersion:
    """One version with its posts and amounts."""
    scale = session.get_one(PayScale, scale_id)
    rows = session.execute(
        select(ScaleAmount.post, ScaleAmount.level, ScaleAmount.monthly_pay).where(
            ScaleAmount.scale_id == scale_id
        )
    ).tuples()
    amounts = {(post, level): pay for post, level, pay in rows}
    return ScaleVersion(scale.effective_date, _posts(session, scale_id), amounts)


def scale_in_force(session: Session, on: dt.date) -> ScaleVersion | None:
    scale_id = scale_id_in_force(session, on)
    return None if scale_id is None else load_scale(session, scale_id)
