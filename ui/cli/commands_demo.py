"""``workforce demo and stats`` (filled in by the demo generator work)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Placeholder until the demo and stats commands land."""
