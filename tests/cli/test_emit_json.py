"""``emit_json``: small documents indented for a person, large ones compact (the C encoder)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ui.cli.common import LARGE_DOCUMENT, emit_json


def test_small_documents_stay_readable(capsys: pytest.CaptureFixture[str]) -> None:
    emit_json({"name": "张三", "people": [{"level": 3}], "date": dt.date(2026, 1, 1)})
    out = capsys.readouterr().out
    assert out.startswith('{\n  "name": "张三"')
    assert json.loads(out)["date"] == "2026-01-01"


@pytest.mark.parametrize(
    "document",
    [
        [{"n": i} for i in range(LARGE_DOCUMENT + 1)],
        {"total": LARGE_DOCUMENT + 1, "people": [{"n": i} for i in range(LARGE_DOCUMENT + 1)]},
    ],
)
def test_large_documents_are_compact(document: object, capsys: pytest.CaptureFixture[str]) -> None:
    emit_json(document)
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and ", " not in out
    assert json.loads(out) == document


def test_compact_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    emit_json({"a": [1, 2]}, compact=True)
    assert capsys.readouterr().out == '{"a":[1,2]}\n'
