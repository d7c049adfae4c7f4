"""What the packaged program carries is read from the source tree: every command's code (the
command line imports it by name, which PyInstaller cannot see), the migrations as files, our
translations and data. The build itself is proven by ``.ci/package``, outside this suite."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.cli.test_cli_sign_in import _commands
from ui.cli.main import build_parser
from ui.cli.parsers.lazy import Handler

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def contents() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bundle_contents", ROOT / "packaging" / "bundle_contents.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bundle_contents", module)
    spec.loader.exec_module(module)
    return module


def test_every_command_s_code_is_a_hidden_import(contents: ModuleType) -> None:
    modules = set(contents.program_modules(ROOT))
    handlers = [parser.get_default("handler") for _, parser in _commands(build_parser())]
    named = {h.module for h in handlers if isinstance(h, Handler)}
    assert len(named) > 10
    assert named - modules == set()
    assert {"ui.desktop.app", "reports.fonts", "workforce.services.system.setup"} <= modules
    assert not [m for m in modules if m.startswith("tests")]


def test_a_module_moved_into_a_new_package_is_found_without_listing_it(
    contents: ModuleType, tmp_path: Path
) -> None:
    for folder in ("workforce", "workforce/services", "workforce/services/payroll"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "__init__.py").write_text("")
    (tmp_path / "workforce/services/payroll/opening.py").write_text("")
    (tmp_path / "workforce/data").mkdir()  # a data folder: no modules there
    (tmp_path / "workforce/data/scale.csv").write_text("x")
    assert contents.program_modules(tmp_path) == [
        "workforce",
        "workforce.services",
        "workforce.services.payroll",
        "workforce.services.payroll.opening",
    ]
    assert contents.data_files(tmp_path) == [
        (str(tmp_path / "workforce/data/scale.csv"), str(Path("workforce/data")))
    ]


def test_translations_data_and_migrations_are_carried_as_files(contents: ModuleType) -> None:
    data = {Path(source).relative_to(ROOT).as_posix() for source, _ in contents.data_files(ROOT)}
    assert "ui/desktop/i18n/workforce_zh_CN.qm" in data
    assert "workforce/data/demo-region.json" in data
    migrations = {
        Path(source).relative_to(ROOT).as_posix() for source, _ in contents.migration_files(ROOT)
    }
    versions = {p.relative_to(ROOT).as_posix() for p in (ROOT / "migrations/versions").glob("*.py")}
    assert {"migrations/env.py", "migrations/script.py.mako"} | versions <= migrations
    assert {"alembic", "sqlalchemy", "workforce.persistence.models"} <= set(
        contents.migration_imports(ROOT)
    )


def test_the_build_names_its_version_and_commit(
    contents: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKFORCE_COMMIT", "0123456789ab")
    monkeypatch.setenv("WORKFORCE_BUILD_DATE", "2026-12-07 14:00 UTC")
    info = contents.build_info(ROOT)
    assert info == {
        "version": info["version"],
        "built": "2026-12-07 14:00 UTC",
        "commit": "0123456789ab",
    }
    assert info["version"].count(".") == 2
