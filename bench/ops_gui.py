"""The desktop operations of ``run_all.py`` (offscreen Qt), each in its own process.

- ``start``: from the moment the parent spawned this process (``BENCH_SPAWNED``, wall clock) to the
  first paint event of the main window, through the real entry point ``run_desktop``; the ceiling is
  a bare PySide6 ``QMainWindow`` process timed the same way (``start-bare``).
- ``table``: the 100,000-row roster loaded into the main window as the app does (``load_roster``
  then ``_loaded``), against the raw DBAPI fetch of the roster query; then a keystroke in the search
  box with every row loaded, until the model holds the filtered rows (the 150 ms typing debounce is
  not counted: the timer's slot is called at once), against the same substring filter on the row
  keys in plain Python.

Usage (by run_all.py): ``python bench/ops_gui.py start|start-bare|table URL RESULT.json``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

SPAWNED = float(os.environ.get("BENCH_SPAWNED", time.time()))


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _write(path: str, rows: list[dict[str, object]]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(rows, handle)


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def first_paint(bare: bool, url: str, result: str) -> None:
    """Exit as soon as the main window has painted once, writing the seconds since spawn."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    class PaintWatcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                seconds = time.time() - SPAWNED
                cpu = time.process_time()  # the whole process's, from its start
                _write(result, [{"seconds": seconds, "peak_mb": _peak_mb(), "cpu": cpu}])
                os._exit(0)  # the database may still be opening on its thread: leave at once
            return False

    if bare:
        app = QApplication(sys.argv)
        watcher = PaintWatcher()
        app.installEventFilter(watcher)
        window = QMainWindow()
        window.resize(1280, 780)
        window.show()
        app.exec()
        return
    from ui.desktop.app import make_application, run_desktop

    app = make_application()
    watcher = PaintWatcher()
    app.installEventFilter(watcher)
    run_desktop(url)


def table(url: str, result: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from ui.desktop.app import make_application
    from ui.desktop.main_window import MainWindow
    from ui.desktop.roster_snapshot import load_roster
    from workforce.domain.progress import CancelToken
    from workforce.services.accounts.acting_user import actor_for
    from workforce.services.context import Database

    app = make_application()
    window = MainWindow()
    window.show()
    app.processEvents()
    db = Database.open(url)
    actor = actor_for(db)
    window.db, window.actor = db, actor
    started, cpu = time.perf_counter(), time.process_time()
    snapshot = load_roster(db)(lambda _done, _total: None, CancelToken())
    window._loaded(snapshot)
    app.processEvents()
    load, load_cpu = time.perf_counter() - started, time.process_time() - cpu
    load_peak = _peak_mb()
    rows = len(snapshot.rows)
    fetch = _raw_roster_fetch(db)

    letter = "王"  # the commonest surname: the widest first keystroke
    window.search.setFocus()
    started, cpu = time.perf_counter(), time.process_time()
    # QTest.keyClicks only knows ASCII keys: deliver the key event a Chinese input method would
    key = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, letter)
    QApplication.sendEvent(window.search, key)
    assert window.search.text() == letter
    window.apply_filter()  # what the debounce timer calls when it fires
    app.processEvents()
    keystroke, keystroke_cpu = time.perf_counter() - started, time.process_time() - cpu
    shown = window.model.rowCount()
    assert shown and shown < rows, (shown, rows)
    keys = snapshot.roster._keys
    started = time.perf_counter()
    plain = [k for k in keys if letter in k]
    bare = time.perf_counter() - started
    assert len(plain) >= shown
    filter_peak = _peak_mb()
    db.close()
    _write(
        result,
        [
            {
                "operation": "desktop table load",
                "seconds": load,
                "ceiling": fetch,
                "ceiling_label": "raw fetch of the roster query",
                "target": "",
                "peak_mb": load_peak,
                "note": f"{rows:,} rows",
                "cpu": load_cpu,
            },
            {
                "operation": "filter keystroke",
                "seconds": keystroke,
                "ceiling": bare,
                "ceiling_label": "substring test in Python",
                "target": "≤ 0.1 s",
                "peak_mb": filter_peak,
                "note": f"{rows:,} → {shown:,} rows; + 150 ms debounce",
                "cpu": keystroke_cpu,
            },
        ],
    )


def _raw_roster_fetch(db: object) -> float:
    """The roster query as the service builds it, executed and fetched by the bare DBAPI."""
    from sqlalchemy import Select

    from workforce.services.roster import query as roster_query

    query: Select[tuple[object, ...]] = roster_query._query({})
    engine = db.engine  # type: ignore[attr-defined]
    sql = str(query.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        started = time.perf_counter()
        cursor.execute(sql)
        cursor.fetchall()
        return time.perf_counter() - started
    finally:
        raw.close()


def main() -> None:
    what, url, result = sys.argv[1:4]
    if what == "table":
        table(url, result)
    else:
        first_paint(what == "start-bare", url, result)


if __name__ == "__main__":
    main()
