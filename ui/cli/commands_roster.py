"""``workforce roster import|export|template`` (filled in by the roster import work)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Placeholder until the roster commands land."""
