"""``workforce --version``: the version, the build date and the commit.

The packaged program (PyInstaller) reads them from ``build-info.json``, written by the build
(packaging/bundle_contents.py); run from source or pip-installed, the version is the installed
distribution's and the commit is the checkout's when there is one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BUILD_INFO = "build-info.json"
SOURCE = Path(__file__).resolve().parents[2]


def build_info() -> dict[str, str]:
    """``version``, ``built`` (empty when not packaged) and ``commit``."""
    import json  # here, not at start: every command imports this module
    from importlib import metadata

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        path = Path(bundle) / BUILD_INFO
        if path.is_file():
            info: dict[str, str] = json.loads(path.read_text("utf-8"))
            return info
    try:
        version = metadata.version("workforce")
    except metadata.PackageNotFoundError:
        version = "未安装"
    return {"version": version, "built": "", "commit": _checkout_commit()}


def _checkout_commit() -> str:
    import subprocess

    if not (SOURCE / ".git").exists():
        return "未知"
    try:
        found = subprocess.run(
            ["git", "-C", str(SOURCE), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "未知"
    return found or "未知"


def version_text() -> str:
    info = build_info()
    built = f"构建于 {info['built']}" if info["built"] else "源码运行，未打包"
    return f"workforce {info['version']}（{built}，提交 {info['commit']}）"


class VersionAction(argparse.Action):
    """Like argparse's ``version`` action, but the text is made only when asked for (reading
    git or the bundle's file costs nothing on every other command)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kw: Any):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kw)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        print(version_text())
        parser.exit()
