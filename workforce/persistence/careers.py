"""Certificates' registrations and the promotion pipeline (§6, §7): dated rows, never overwritten.

``Certificate.registered_date`` stays the latest registration (what the roster shows); the
registrations of a certificate are its ``certificate_registration`` rows, or, for a certificate
entered before any renewal (by hand or by a roster import), its one ``registered_date``.
Allowance and ladder credit start from the *first* registration: ``first_registrations`` gives it
for every certificate in one query.

Eligibility rules per target and the per-community role norms are region settings (JSON in
``setting``: ``eligibility_rules:<target>``, ``pipeline_role_norms``); the overall headcount norm is
``org_unit.headcount_norm``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    ForeignKey,
    String,
    Subquery,
    UniqueConstraint,
    func,
    select,
    union_all,
)
from sqlalchemy.orm import Mapped, mapped_column

from workforce.persistence.base import Base, Timestamp, utc_now
from workforce.persistence.people import Certificate


class CertificateRegistration(Base):
    """登记/续期: the first registration of a certificate and each renewal (3 years each)."""

    __tablename__ = "certificate_registration"
    __table_args__ = (UniqueConstraint("certificate_id", "registered_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[int] = mapped_column(ForeignKey("certificate.id"), index=True)
    registered_date: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20))  # manual, renewal, import, earlier
    recorded_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now)


class PipelineTransition(Base):
    """晋升通道: one dated step of a person (后备人选 with its target role, 两委成员, 副职, 正职,
    退出后备, or an outward move), with where it came from and why."""

    __tablename__ = "pipeline_transition"

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    target_role: Mapped[str | None] = mapped_column(String(10))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(50))
    reason: Mapped[str] = mapped_column(String(200))
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("post_appointment.id"))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now)


def first_registrations() -> Subquery:
    """Each registered certificate's first registration (``certificate_id``, ``first_registered``):
    the earliest of its registration rows and its own ``registered_date``."""
    dates = union_all(
        select(
            CertificateRegistration.certificate_id.label("certificate_id"),
            CertificateRegistration.registered_date.label("registered"),
        ),
        select(Certificate.id, Certificate.registered_date).where(
            Certificate.registered_date.is_not(None)
        ),
    ).subquery()
    return (
        select(dates.c.certificate_id, func.min(dates.c.registered).label("first_registered"))
        .group_by(dates.c.certificate_id)
        .subquery()
    )
