"""The command line's arguments, one module per command family: light (argparse, the domain's
vocabulary) so that ``workforce --help`` and any one command load only what they need. Each
command declares its handler by name (``later("run_x")``, imported when it runs) and the action it
needs (``needs=Action.…``, checked before any password)."""

from __future__ import annotations

from typing import Any

from ui.cli.parsers import (
    adjust,
    allowance,
    audit,
    backup,
    certs,
    demo,
    payroll,
    pipeline,
    plan,
    reports,
    roster,
    server,
    system,
    training,
)

FAMILIES = (
    system,
    roster,
    demo,
    adjust,
    payroll,
    reports,
    certs,
    training,
    pipeline,
    plan,
    allowance,
    audit,
    backup,
    server,
)


def register_all(sub: Any) -> None:
    for family in FAMILIES:
        family.register(sub)
