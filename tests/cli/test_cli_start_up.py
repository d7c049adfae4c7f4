"""Start-up (issue 14): building the parser loads no command's code, each command's code loads
when it runs, and what registration repeats of the services stays equal to them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.test_cli_sign_in import _commands
from ui.cli.main import build_parser
from ui.cli.parsers.lazy import Handler
from ui.cli.parsers.payroll_deductions import DEDUCTION_KINDS
from workforce.services.payroll.deductions import KINDS

ROOT = Path(__file__).parents[2]
GOLDEN = ROOT / "tests" / "golden" / "tax" / "published_2019.json"
HEAVY = ("sqlalchemy", "alembic", "openpyxl", "reportlab", "workforce.services", "reports")


def _loaded_after(*argv: str) -> set[str]:
    """The modules a fresh interpreter has loaded after ``workforce ARGV``."""
    script = (
        "import sys\n"
        "from ui.cli.main import main\n"
        "try:\n"
        f"    main({list(argv)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(done.stderr.split())


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.startswith(HEAVY) or m.startswith("ui.cli.commands."))


def test_help_loads_no_command_code_and_no_database() -> None:
    assert _heavy(_loaded_after("--help")) == []


def test_payroll_explain_loads_only_the_tax_rules() -> None:
    assert _heavy(_loaded_after("payroll", "explain", str(GOLDEN))) == ["ui.cli.commands.explain"]


def test_every_command_handler_resolves_to_its_code() -> None:
    commands = dict(_commands(build_parser()))
    handlers = {name: parser.get_default("handler") for name, parser in commands.items()}
    assert [name for name, h in handlers.items() if not isinstance(h, Handler)] == []
    assert [name for name, h in handlers.items() if not callable(h.resolve())] == []


def test_deduction_kinds_offered_are_the_services_kinds() -> None:
    assert sorted(KINDS) == DEDUCTION_KINDS
