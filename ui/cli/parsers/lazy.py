"""A command's handler by name: its module is imported when the command runs, so that building
the parser (``workforce --help``, any one command) loads no other command's code."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Handler:
    """``module.function``, imported on the first call."""

    module: str
    function: str

    def resolve(self) -> Callable[[argparse.Namespace], int]:
        found: Callable[[argparse.Namespace], int] = getattr(
            importlib.import_module(self.module), self.function
        )
        return found

    def __call__(self, args: argparse.Namespace) -> int:
        return self.resolve()(args)


def handlers(module: str) -> Callable[[str], Handler]:
    """``later = handlers("ui.cli.commands.x")`` then ``set_defaults(handler=later("run_y"))``."""
    return lambda function: Handler(module, function)
