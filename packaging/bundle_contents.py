"""What goes into the one-folder bundle, read from the source tree (no module is named by hand).

The command line imports each command's code by a string (``later("run_x")`` names a function of
``ui.cli.commands.*``) and Alembic loads the migrations from files, so PyInstaller's import
analysis cannot see them. Instead every module of the program's packages is a hidden import, found
by walking the package folders: a module added, renamed or moved into a capability package is
bundled without touching the recipe. Used by ``workforce.spec``; standard library only, no import
of the program itself (the spec runs on Windows too).
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import os
import subprocess
import tomllib
from collections.abc import Iterator
from pathlib import Path

PACKAGES = ("workforce", "ui", "reports")
"""The program's import packages (``migrations`` is shipped as files, see ``migration_files``)."""

DATA_SUFFIXES = (".qm", ".json", ".csv")
"""Files the program reads through ``importlib.resources`` beside its modules."""

SKIPPED_DIRS = {"__pycache__", "i18n_sources"}


def _package_dirs(root: Path, package: str) -> Iterator[Path]:
    """``package`` and every sub-package under it (folders with an ``__init__.py``)."""
    top = root / package
    if not (top / "__init__.py").is_file():
        return
    for folder, dirs, _files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        path = Path(folder)
        if (path / "__init__.py").is_file():
            yield path
        else:
            dirs[:] = []  # a plain folder (data) holds no modules


def program_modules(root: Path, packages: tuple[str, ...] = PACKAGES) -> list[str]:
    """Every module and package of the program, dotted, sorted."""
    found: set[str] = set()
    for package in packages:
        for folder in _package_dirs(root, package):
            dotted = ".".join(folder.relative_to(root).parts)
            found.add(dotted)
            for file in folder.glob("*.py"):
                if file.stem != "__init__":
                    found.add(f"{dotted}.{file.stem}")
    return sorted(found)


def data_files(root: Path, packages: tuple[str, ...] = PACKAGES) -> list[tuple[str, str]]:
    """``(source file, destination folder)`` for the data files inside the program's packages."""
    pairs = []
    for package in packages:
        for folder, dirs, files in os.walk(root / package):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
            for name in sorted(files):
                if name.endswith(DATA_SUFFIXES):
                    source = Path(folder) / name
                    pairs.append((str(source), str(Path(folder).relative_to(root))))
    return pairs


def migration_files(root: Path) -> list[tuple[str, str]]:
    """The Alembic folder as files (Alembic reads ``env.py`` and ``versions/*.py`` from disk)."""
    pairs = []
    for file in sorted((root / "migrations").rglob("*")):
        if file.is_file() and file.suffix in (".py", ".mako") and "__pycache__" not in file.parts:
            pairs.append((str(file), str(file.parent.relative_to(root))))
    return pairs


def migration_imports(root: Path) -> list[str]:
    """The modules the migration scripts import: hidden imports too (nothing imports them)."""
    found: set[str] = set()
    for file in sorted((root / "migrations").rglob("*.py")):
        tree = ast.parse(file.read_text("utf-8"), str(file))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
    return sorted(name for name in found if name != "__future__")


def build_info(root: Path) -> dict[str, str]:
    """Version (pyproject), build date (UTC) and commit: what ``workforce --version`` prints."""
    with (root / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    commit = os.environ.get("WORKFORCE_COMMIT", "")
    if not commit:
        try:
            commit = subprocess.run(
                ["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            commit = "unknown"
    built = os.environ.get("WORKFORCE_BUILD_DATE") or dt.datetime.now(dt.UTC).strftime(
        "%Y-%m-%d %H:%M UTC"
    )
    return {"version": version, "built": built, "commit": commit}


def write_build_info(root: Path, folder: Path) -> Path:
    """``build-info.json`` in ``folder`` (the build's work folder), for the bundle's top level."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "build-info.json"
    path.write_text(json.dumps(build_info(root), ensure_ascii=False, indent=2), "utf-8")
    return path
