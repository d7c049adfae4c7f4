"""``workforce scale|appraisal|adjust|user`` (filled in by the adjustment work)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Placeholder until the adjustment commands land."""
