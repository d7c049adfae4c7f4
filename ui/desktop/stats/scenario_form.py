"""The projection's scenario form (issue 19): every kind a scenario file holds (a general raise,
网格员 parity, the step interval, 核定人数 changes per community, a scale table from a date) made
into the same JSON the CLI reads (``workforce.domain.adjustment.scenario``)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.desktop.widgets.folders import last_folder, remember_folder
from ui.desktop.widgets.inputs import DateEdit
from ui.desktop.widgets.sheet_import import sheet_filter
from workforce.services.roster.org import OrgNode
from workforce.services.scales.admin import ScaleInfo

FILE = "file"
SECTIONS = ("raise", "step_years", "parity", "headcount", "scale")  # besides the name
# what a file may say within a section that the form does not show: kept while the section is edited
KEPT = {"parity": ("post", "with"), "step_years": ("from",), "scale": ("posts",)}


def community_paths(nodes: Sequence[OrgNode]) -> list[str]:
    """Each community as a scenario names it: 街道/社区, or 区/街道/社区 where that repeats."""
    by_id = {n.id: n for n in nodes}

    def path(node: OrgNode) -> tuple[str, ...]:
        names = [node.name]
        parent = node.parent_id
        while parent is not None and parent in by_id:
            names.append(by_id[parent].name)
            parent = by_id[parent].parent_id
        return tuple(reversed(names))

    full = [path(n) for n in nodes if n.kind == "community"]
    short = Counter(p[-2:] for p in full)
    return ["/".join(p[-2:] if short[p[-2:]] == 1 else p) for p in full]


def _signed(change: int) -> str:
    return f"+{change}" if change > 0 else str(change)


class ScenarioForm(QGroupBox):
    """A scenario: pay (raise, steps, parity), headcount per community, a scale table. It starts
    empty; ``show_scenario`` puts one there (loaded, saved or added), whose sections the clerk
    did not touch stay as that scenario has them. ``changed`` says the clerk edited something."""

    changed = Signal()

    def __init__(
        self,
        communities: Sequence[str],
        scales: Sequence[ScaleInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("New scenario"))
        self._base: dict[str, Any] = {}
        self._touched: set[str] = set()
        self._filling = False
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. general raise 5%"))
        top.addRow(self.tr("Name"), self.name)
        layout.addLayout(top)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._pay_tab(), self.tr("Pay"))
        self.tabs.addTab(self._headcount_tab(communities), self.tr("Headcount"))
        self.tabs.addTab(self._scale_tab(scales), self.tr("Scale table"))
        layout.addWidget(self.tabs)
        self.name.textChanged.connect(lambda _text: self._touch("name"))
        self.raise_rate.valueChanged.connect(lambda _value: self._touch("raise"))
        self.raise_from.dateChanged.connect(lambda _date: self._touch("raise"))
        self.step_years.valueChanged.connect(lambda _value: self._touch("step_years"))
        self.parity.currentIndexChanged.connect(lambda _index: self._touch("parity"))
        self.changes.model().rowsInserted.connect(lambda *_args: self._touch("headcount"))
        self.changes.model().rowsRemoved.connect(lambda *_args: self._touch("headcount"))
        self.scale.currentIndexChanged.connect(lambda _index: self._touch("scale"))
        self.scale_file.textChanged.connect(lambda _text: self._touch("scale"))
        self.scale_from.dateChanged.connect(lambda _date: self._touch("scale"))

    def _touch(self, section: str) -> None:
        if not self._filling:
            self._touched.add(section)
            self.changed.emit()

    # -- pay --------------------------------------------------------------------------------------
    def _pay_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout(tab)
        self.raise_rate = QDoubleSpinBox(tab)
        self.raise_rate.setRange(-50, 50)
        self.raise_rate.setDecimals(2)
        self.raise_rate.setSuffix(" %")
        self.raise_from = DateEdit(tab)
        self.raise_from.set_value(dt.date(dt.date.today().year + 1, 1, 1))
        self.step_years = QSpinBox(tab)
        self.step_years.setRange(0, 10)
        self.step_years.setSpecialValueText(self.tr("unchanged"))
        self.parity = QComboBox(tab)
        self.parity.addItem(self.tr("unchanged"), None)
        for year in range(dt.date.today().year, dt.date.today().year + 6):
            self.parity.addItem(f"{year}-01-01", f"{year}-01-01")
        form.addRow(self.tr("General raise"), self.raise_rate)
        form.addRow(self.tr("Raise from"), self.raise_from)
        form.addRow(self.tr("Qualifying years per step"), self.step_years)
        form.addRow(self.tr("Grid workers at parity from"), self.parity)
        return tab

    # -- headcount --------------------------------------------------------------------------------
    def _headcount_tab(self, communities: Sequence[str]) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.unit = QComboBox(tab)
        self.unit.addItems(list(communities))
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.setToolTip(self.tr("The community whose approved headcount changes"))
        self.change = QSpinBox(tab)
        self.change.setRange(-99, 99)
        self.change.setValue(1)
        self.change.setToolTip(self.tr("More (+) or fewer (−) approved places"))
        row.addWidget(self.unit, 1)
        row.addWidget(self.change)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Set change"), tab)
        add.clicked.connect(lambda _checked=False: self.set_headcount())
        remove = QPushButton(self.tr("Remove"), tab)
        remove.clicked.connect(lambda: self.changes.takeItem(self.changes.currentRow()))
        buttons.addWidget(add)
        buttons.addWidget(remove)
        layout.addLayout(buttons)
        self.changes = QListWidget(tab)
        layout.addWidget(self.changes)
        return tab

    def set_headcount(self, unit: str | None = None, change: int | None = None) -> None:
        """Set a community's change (a second change of the same one replaces the first)."""
        unit = (unit or self.unit.currentText()).strip()
        change = self.change.value() if change is None else change
        if not unit:
            return
        for i in range(self.changes.count()):
            if self.changes.item(i).data(Qt.ItemDataRole.UserRole)[0] == unit:
                self.changes.takeItem(i)
                break
        if change:
            item = QListWidgetItem(f"{unit}  {_signed(change)}")
            item.setData(Qt.ItemDataRole.UserRole, (unit, change))
            self.changes.addItem(item)

    def headcount(self) -> dict[str, int]:
        return dict(
            self.changes.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.changes.count())
        )

    # -- scale ------------------------------------------------------------------------------------
    def _scale_tab(self, scales: Sequence[ScaleInfo]) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout(tab)
        self.scale = QComboBox(tab)
        self.scale.addItem(self.tr("unchanged"), None)
        self.scale.addItem(self.tr("A table from a file…"), FILE)
        names = Counter(info.name for info in scales)
        for info in scales:
            since = f"{info.effective_date:%Y-%m-%d}"
            label = self.tr("%1 (in force from %2)").replace("%1", info.name).replace("%2", since)
            self.scale.addItem(label, info.name if names[info.name] == 1 else since)
        self.scale_file = QLineEdit(tab)
        self.scale_file.setPlaceholderText(self.tr("e.g. the new scale table.xlsx"))
        choose = QPushButton(self.tr("Choose…"), tab)
        choose.clicked.connect(self.choose_scale_file)
        row = QHBoxLayout()
        row.addWidget(self.scale_file, 1)
        row.addWidget(choose)
        self.scale_from = DateEdit(tab)
        self.scale_from.set_value(dt.date(dt.date.today().year + 1, 1, 1))
        form.addRow(self.tr("Scale"), self.scale)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("In force from"), self.scale_from)
        self.scale.currentIndexChanged.connect(self._scale_chosen)
        self._scale_chosen()
        return tab

    def _scale_chosen(self) -> None:
        self.scale_file.setEnabled(self.scale.currentData() == FILE)

    def choose_scale_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The scale table"),
            str(last_folder()),
            sheet_filter(self.tr("Workbooks")),
        )
        if path:
            remember_folder(path)
            self.scale_file.setText(path)

    # -- the scenario -----------------------------------------------------------------------------
    def scenario(self) -> dict[str, Any]:
        """The form's scenario as the data a scenario file holds: the one shown, its sections the
        clerk edited as the form has them (and what the form does not show of them kept)."""
        typed = self._typed()
        data = dict(self._base)
        for section in ("name", *SECTIONS):
            if self._base and section not in self._touched:
                continue
            if section not in typed:
                data.pop(section, None)
                continue
            value, old = typed[section], self._base.get(section)
            if isinstance(value, dict) and isinstance(old, dict):
                kept = KEPT.get(section, ())
                if section == "scale" and FILE not in value:
                    kept = ()  # a stored version has its own posts
                value = {**value, **{k: old[k] for k in kept if k in old}}
            data[section] = value
        return data

    def _typed(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name.text().strip() or self.tr("Scenario")}
        rate = Decimal(str(round(self.raise_rate.value(), 2))) / 100
        if rate:
            data["raise"] = {
                "rate": str(rate.normalize()),
                "from": f"{self.raise_from.value():%Y-%m-%d}",
            }
        if self.step_years.value():
            data["step_years"] = {"years": self.step_years.value()}
        if self.parity.currentData():
            data["parity"] = {"from": self.parity.currentData()}
        if self.headcount():
            data["headcount"] = self.headcount()
        chosen = self.scale.currentData()
        start = f"{self.scale_from.value():%Y-%m-%d}"
        if chosen == FILE and self.scale_file.text().strip():
            data["scale"] = {"from": start, "file": self.scale_file.text().strip()}
        elif chosen not in (None, FILE):
            data["scale"] = {"from": start, "version": chosen}
        return data

    def show_scenario(self, data: dict[str, Any], title: str | None = None) -> None:
        """Put a scenario in the form to edit (what the form cannot show stays in the data);
        ``title`` names the form, else it reads "New scenario"."""
        self._filling = True
        try:
            self._show(data)
        finally:
            self._filling = False
        self._base, self._touched = dict(data), set()
        self.setTitle(title or self.tr("New scenario"))

    def _show(self, data: dict[str, Any]) -> None:
        self.name.setText(str(data.get("name") or ""))
        entry = _section(data, "raise")
        rate = _number(entry.get("rate"))
        self.raise_rate.setValue(float(rate * 100) if rate is not None else 0)  # float-ok: spin box
        _set_date(self.raise_from, entry.get("from"))
        years = data.get("step_years")
        years = years.get("years") if isinstance(years, dict) else years
        self.step_years.setValue(years if isinstance(years, int) else 0)
        since = _section(data, "parity").get("from")
        _choose(self.parity, None if since is None else str(since))
        self.changes.clear()
        for unit, change in _section(data, "headcount").items():
            if isinstance(change, int):
                self.set_headcount(str(unit), change)
        scale = _section(data, "scale")
        if isinstance(scale.get(FILE), str):
            _choose(self.scale, FILE)
            self.scale_file.setText(scale[FILE])
        else:
            version = scale.get("version")
            _choose(self.scale, None if version is None else str(version))
            self.scale_file.clear()
        _set_date(self.scale_from, scale.get("from"))


def _section(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _number(value: object) -> Decimal | None:
    try:
        number = Decimal(repr(value) if isinstance(value, float) else str(value))  # float-ok: JSON
    except ArithmeticError:
        return None
    return number if number.is_finite() else None


def _set_date(edit: DateEdit, value: object) -> None:
    # not a date: the form keeps its own; the run names the file's mistake
    with contextlib.suppress(ValueError):
        edit.set_value(dt.date.fromisoformat(str(value)))


def _choose(combo: QComboBox, data: str | None) -> None:
    """Choose the entry holding ``data``; one the list lacks (a date, a version) is added."""
    index = 0 if data is None else combo.findData(data)  # the first entry: "unchanged"
    if index < 0:
        combo.addItem(str(data), data)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


def resolved(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    """A loaded scenario whose scale file is named relative to the scenario file's folder."""
    scale = data.get("scale")
    if isinstance(scale, dict) and isinstance(scale.get(FILE), str):
        path = Path(scale[FILE])
        if not path.is_absolute():
            data = {**data, "scale": {**scale, FILE: str(folder / path)}}
    return data


def relative(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    """A scenario to save: its scale file named relative to the folder when it is inside it."""
    scale = data.get("scale")
    if isinstance(scale, dict) and isinstance(scale.get(FILE), str):
        path = Path(scale[FILE])
        if path.is_absolute() and path.parent == folder:
            data = {**data, "scale": {**scale, FILE: path.name}}
    return data
