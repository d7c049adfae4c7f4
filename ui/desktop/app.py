"""Desktop entry point (the Qt shell lands with the desktop work)."""

from __future__ import annotations


def run_desktop(db_url: str | None) -> int:
    raise SystemExit("desktop not yet available")
