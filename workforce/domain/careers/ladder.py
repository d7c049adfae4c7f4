"""Qualification ladder values (§4.3): the highest of education and certificate, never stacked."""

from __future__ import annotations

EDUCATION_LADDER = {"本科": 1, "硕士": 2, "博士": 3}
CERTIFICATE_LADDER = {"助理社会工作师": 1, "社会工作师": 2, "高级社会工作师": 3}


def ladder_value(education: str | None, certificate_level: str | None) -> int:
    """The worker's ladder value: max(education value, certificate value)."""
    return max(
        EDUCATION_LADDER.get(education or "", 0), CERTIFICATE_LADDER.get(certificate_level or "", 0)
    )
