"""A Chinese font for the PDFs: a TrueType CJK font from the system, subset-embedded.

reportlab embeds the subset of glyphs a document uses from a TrueType font (``TTFont``), so the
PDF prints the same on every machine. Its built-in Chinese font, STSong-Light, is a CID font that
is *not* embedded: the reader substitutes whatever it has. It is the fallback, and the caller is
told (``CjkFont.message``) so the clerk can be warned.

What works, checked with reportlab 4.5: SimSun (simsun.ttc), Microsoft YaHei (msyh.ttc), SimHei
(simhei.ttf), WenQuanYi Zen Hei / Micro Hei (.ttc), AR PL UMing, Droid Sans Fallback. What does
not: Noto Sans/Serif CJK and Source Han (.ttc/.otf): their outlines are PostScript (CFF), which
``TTFont`` refuses ("postscript outlines are not supported"). Every candidate is tried, and one
that fails to load or lacks common Chinese characters is skipped.

``WORKFORCE_PDF_FONT`` may name a font file to use first (``path`` or ``path#index`` for a .ttc).
The packaged program (PyInstaller) ships one in its ``fonts`` folder (Droid Sans Fallback,
Apache-2.0) and uses it before the system's, so its PDFs are the same on every office PC.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

ENV_FONT = "WORKFORCE_PDF_FONT"
FONT_NAME = "WorkforceCJK"
FALLBACK_FONT = "STSong-Light"
FALLBACK_MESSAGE = "未找到可嵌入的中文字体，已使用内置字体，打印效果可能不同"
PROBE = "调级通知书姓名岗位等级工资元年月日盖章审核"
"""Characters every candidate must have (a Latin font or a partial CJK font is skipped)."""

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CjkFont:
    """The font to ``setFont`` with; ``embedded`` False means the built-in fallback, and then
    ``message`` says so in words a clerk understands."""

    name: str
    embedded: bool
    source: str
    message: str | None = None


Candidate = tuple[Path, int]


def _windows_fonts() -> list[Candidate]:
    folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    names = ("simsun.ttc", "msyh.ttc", "msyh.ttf", "simhei.ttf", "simkai.ttf", "simfang.ttf")
    return [(folder / name, 0) for name in names]


def _mac_fonts() -> list[Candidate]:
    return [
        (Path("/System/Library/Fonts/Supplemental/Songti.ttc"), 0),
        (Path("/System/Library/Fonts/STHeiti Light.ttc"), 0),
        (Path("/Library/Fonts/Arial Unicode.ttf"), 0),
        (Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"), 0),
    ]


def _linux_fonts() -> list[Candidate]:
    share = Path("/usr/share/fonts")
    return [
        (share / "truetype/wqy/wqy-zenhei.ttc", 0),
        (share / "wenquanyi/wqy-zenhei/wqy-zenhei.ttc", 0),
        (share / "wqy-zenhei/wqy-zenhei.ttc", 0),
        (share / "truetype/wqy/wqy-microhei.ttc", 0),
        (share / "wqy-microhei/wqy-microhei.ttc", 0),
        (share / "truetype/arphic/uming.ttc", 0),
        (share / "truetype/droid/DroidSansFallbackFull.ttf", 0),
        (share / "google-droid-sans-fonts/DroidSansFallbackFull.ttf", 0),
    ]


def _fontconfig_fonts() -> list[Candidate]:
    """Any other font fontconfig knows for Chinese (TrueType files only)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        out = subprocess.run(
            [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    return [(Path(f), 0) for f in files if f.lower().endswith((".ttf", ".ttc"))]


def _from_environment() -> list[Candidate]:
    chosen = os.environ.get(ENV_FONT, "").strip()
    if not chosen:
        return []
    path, _, index = chosen.partition("#")
    return [(Path(path), int(index) if index.isdigit() else 0)]


def _bundled_fonts() -> list[Candidate]:
    """The fonts shipped in the packaged program's folder (none when run from source)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return []
    folder = Path(bundle) / "fonts"
    return [(f, 0) for f in sorted(folder.glob("*")) if f.suffix.lower() in (".ttf", ".ttc")]


def candidates() -> Iterator[Candidate]:
    """Font files to try, best first: the one the user named, the one the packaged program
    ships, then the platform's usual ones."""
    yield from _from_environment()
    yield from _bundled_fonts()
    if sys.platform.startswith("win"):
        yield from _windows_fonts()
    elif sys.platform == "darwin":
        yield from _mac_fonts()
    else:
        yield from _linux_fonts()
        yield from _fontconfig_fonts()


def _load(path: Path, index: int) -> TTFont | None:
    if not path.is_file():
        return None
    try:
        font = TTFont(FONT_NAME, str(path), subfontIndex=index)
    except (TTFError, OSError, ValueError, KeyError) as exc:
        log.info("PDF font %s#%d not usable: %s", path, index, exc)
        return None
    glyphs = font.face.charToGlyph
    if any(ord(char) not in glyphs for char in PROBE):
        log.info("PDF font %s#%d lacks common Chinese characters", path, index)
        return None
    return font


def find_font(tried: Iterable[Candidate]) -> CjkFont:
    """Register the first usable TrueType font of ``tried``, else the built-in CID font."""
    seen: set[Candidate] = set()
    for path, index in tried:
        if (path, index) in seen:
            continue
        seen.add((path, index))
        font = _load(path, index)
        if font is not None:
            pdfmetrics.registerFont(font)
            return CjkFont(FONT_NAME, True, f"{path}#{index}" if index else str(path))
    log.warning("no embeddable Chinese font found; using %s", FALLBACK_FONT)
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    return CjkFont(FALLBACK_FONT, False, FALLBACK_FONT, FALLBACK_MESSAGE)


@functools.cache
def cjk_font() -> CjkFont:
    """The document font, found and registered once per process (loading one takes ~0.2 s)."""
    return find_font(candidates())
