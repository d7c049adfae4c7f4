"""Every string the desktop shows has a finished Chinese translation, compiled into the .qm."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import ui

pytestmark = pytest.mark.gui

I18N = Path(ui.__file__).parent / "desktop" / "i18n"
TS = I18N / "workforce_zh_CN.ts"
QM = I18N / "workforce_zh_CN.qm"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }  # type: ignore[misc]


def test_every_message_has_a_finished_translation() -> None:
    unfinished = [
        key for key, translation in _messages(TS).items()
        if translation is None or translation.get("type") or not (translation.text or "").strip()
    ]  # fmt: skip
    assert unfinished == []


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate missing")
def test_every_source_string_is_in_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted(Path(ui.__file__).parent.rglob("*.py"))]
    subprocess.run(["pyside6-lupdate", "-silent", *sources, "-ts", str(fresh)], check=True)
    assert set(_messages(fresh)) <= set(_messages(TS)), "run ui/desktop/i18n/update.sh"


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease missing")
def test_the_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    subprocess.run(["pyside6-lrelease", "-silent", str(TS), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == QM.read_bytes(), "run ui/desktop/i18n/update.sh"


def test_the_translation_loads(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "New worker") == "新建人员"
    finally:
        QCoreApplication.removeTranslator(translator)
