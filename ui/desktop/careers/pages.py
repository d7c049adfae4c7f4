"""The object names of the career tabs of a worker's file: a reminder opens the file on its tab."""

from __future__ import annotations

from workforce.domain.careers.compliance import ReminderKind

CERTIFICATES_PAGE = "page-certificates"
TRAINING_PAGE = "page-training"
CERTIFICATE_KINDS = frozenset({ReminderKind.LAPSING, ReminderKind.LAPSED})


def page_for(kind: ReminderKind) -> str:
    """社工证 for a registration lapsing or lapsed, 培训 for hours short."""
    return CERTIFICATES_PAGE if kind in CERTIFICATE_KINDS else TRAINING_PAGE
