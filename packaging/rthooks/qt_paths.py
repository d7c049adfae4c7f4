"""Runtime hook of the packaged program, in place of PyInstaller's ``pyi_rth_pyside6``.

PyInstaller's hook imports ``PySide6.QtCore`` at every start, to write an embedded qt.conf that the
PySide6 wheels already provide: 0.15–0.2 s of loading Qt before ``workforce --help`` or any command,
which needs no Qt. This keeps what the command line and the desktop need from it: Qt finds the
bundled plugins (and QML, unused) through the environment; on Windows the folder is on PATH for
the OpenSSL libraries. Qt's translations are found through the PySide6 wheel's own qt.conf.
"""

import os
import sys


def _qt_paths() -> None:
    bundle = getattr(sys, "_MEIPASS", "")
    windows = sys.platform.startswith("win")
    qt = os.path.join(bundle, "PySide6") if windows else os.path.join(bundle, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt, "qml")
    if windows:
        os.environ["PATH"] = bundle + os.pathsep + os.environ.get("PATH", "")


_qt_paths()
del _qt_paths
