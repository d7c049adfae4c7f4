"""The folder file dialogs open in: the last one a file was chosen in, remembered across starts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

FOLDER_KEY = "files/last_folder"


def last_folder() -> Path:
    saved = QSettings().value(FOLDER_KEY)
    return Path(str(saved)) if saved else Path.home()


def remember_folder(path: str) -> None:
    QSettings().setValue(FOLDER_KEY, str(Path(path).parent))
