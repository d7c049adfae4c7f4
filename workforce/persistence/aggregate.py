"""``ordered_texts``: the texts of each group joined in an order, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

SEPARATOR = "\x1f"  # the ASCII unit separator (code 31): in no name, grade or other text


class ordered_texts(FunctionElement[str]):  # (an SQL function, named like one)
    """``ordered_texts(value, order)``: the group's ``value`` texts joined by ``SEPARATOR`` in
    the order of ``order``; NULL for a group without values.

    PostgreSQL: ``string_agg(… ORDER BY …)``. SQLite (no ORDER BY in an aggregate before 3.44):
    ``group_concat`` in the order the rows are visited, which is ``order``'s when the query walks
    an index ending with it. The texts are the same either way; only their order may differ."""

    type = Text()
    name = "ordered_texts"
    inherit_cache = True


@compiles(ordered_texts)
def _group_concat(element: ordered_texts, compiler: SQLCompiler, **kw: Any) -> str:
    value, _ = element.clauses
    return f"group_concat({compiler.process(value, **kw)}, char(31))"


@compiles(ordered_texts, "postgresql")
def _string_agg(element: ordered_texts, compiler: SQLCompiler, **kw: Any) -> str:
    value, order = element.clauses
    return (
        f"string_agg({compiler.process(value, **kw)}, chr(31) "
        f"ORDER BY {compiler.process(order, **kw)})"
    )
