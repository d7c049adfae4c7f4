"""The PDF font: a system TrueType CJK font when there is one, else the built-in one, said so."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reports.fonts import FALLBACK_FONT, FALLBACK_MESSAGE, cjk_font, find_font

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
LATIN = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_a_system_font_is_found_once_and_embeddable() -> None:
    font = cjk_font()
    if not font.embedded:
        pytest.skip("no TrueType CJK font on this machine")
    assert font.message is None
    assert cjk_font() is font  # cached: the font file is read once per process


def test_unusable_fonts_fall_back_to_the_builtin_font_and_say_so(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    # PostScript-outline CJK (Noto) and a Latin-only font are skipped like a broken file
    font = find_font([(tmp_path / "missing.ttc", 0), (broken, 0), (NOTO, 0), (LATIN, 0)])
    assert (font.name, font.embedded) == (FALLBACK_FONT, False)
    assert font.message == FALLBACK_MESSAGE


def test_the_packaged_program_uses_the_font_it_ships_before_the_system_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reports import fonts

    (tmp_path / "fonts").mkdir()
    shipped = tmp_path / "fonts" / "DroidSansFallbackFull.ttf"
    shipped.write_bytes(b"")
    monkeypatch.delenv(fonts.ENV_FONT, raising=False)
    assert (shipped, 0) not in list(fonts.candidates())  # run from source: nothing shipped
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert next(fonts.candidates()) == (shipped, 0)
    monkeypatch.setenv(fonts.ENV_FONT, "/chosen.ttf")  # the user's choice still comes first
    assert [c[0] for c in fonts.candidates()][:2] == [Path("/chosen.ttf"), shipped]
