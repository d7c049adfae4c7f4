"""Small input widgets of the worker form: optional dates, vocabulary combos, community picker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QSpinBox, QWidget

from workforce.services.roster.org import OrgNode

DISPLAY_FORMAT = "yyyy-MM-dd"
ETHNICITIES = tuple(
    """
    汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族
    瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族
    拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族
    布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族
    乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族
    鄂伦春族 赫哲族 门巴族 珞巴族 基诺族
    """.split()  # noqa: SIM905 - reads as the list clerks know
)


class DateEdit(QDateEdit):
    """A date with a calendar pop-up, shown as yyyy-MM-dd."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setMinimumDate(QDate(1900, 1, 1))
        self.setMaximumDate(QDate(2100, 12, 31))

    def value(self) -> dt.date:
        return self.date().toPython()  # type: ignore[no-any-return]

    def set_value(self, value: dt.date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


class OptionalDateEdit(DateEdit):
    """A date that may be left empty: the minimum date stands for "not entered".

    Opening the calendar on an empty field starts at ``start_page`` rather than 1899.
    """

    NONE = QDate(1899, 12, 31)

    def __init__(self, parent: QWidget | None = None, start_page: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setMinimumDate(self.NONE)
        self.setSpecialValueText(self.tr("not entered"))
        self.setDate(self.NONE)
        start = start_page or dt.date(2000, 1, 1)
        self.calendarWidget().setCurrentPage(start.year, start.month)
        self.dateChanged.connect(self._keep_calendar_page)

    def optional_value(self) -> dt.date | None:
        return None if self.date() == self.NONE else self.value()

    def set_optional(self, value: dt.date | None) -> None:
        if value is None:
            self.setDate(self.NONE)
        else:
            self.set_value(value)

    def clear_value(self) -> None:
        self.setDate(self.NONE)

    def _keep_calendar_page(self, date: QDate) -> None:
        if date == self.NONE:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())


class OptionalYearSpin(QSpinBox):
    """A year that may be left empty (the minimum stands for "not entered")."""

    NONE = 1949

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(self.NONE, dt.date.today().year)
        self.setSpecialValueText(self.tr("not entered"))
        self.setValue(self.NONE)

    def optional_value(self) -> int | None:
        return None if self.value() == self.NONE else self.value()

    def set_optional(self, value: int | None) -> None:
        self.setValue(self.NONE if value is None else value)


def vocab_combo(
    values: Iterable[str], *, optional: bool = False, editable: bool = False
) -> QComboBox:
    """A combo of closed vocabulary values; an optional one starts with an empty choice."""
    combo = QComboBox()
    if optional:
        combo.addItem("", None)
    for value in values:
        combo.addItem(value, value)
    combo.setEditable(editable)
    return combo


def combo_value(combo: QComboBox) -> str | None:
    if combo.isEditable():
        text = combo.currentText().strip()
        return text or None
    data = combo.currentData()
    return None if data is None else str(data)


def set_combo_value(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText("" if value is None else str(value))


class CommunityPicker(QComboBox):
    """Pick a community by typing any part of "街道 / 社区"; its grids follow in ``grid_combo``."""

    community_changed = Signal(object)

    def __init__(self, nodes: Sequence[OrgNode], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        by_id = {node.id: node for node in nodes}
        self._grids: dict[int, list[OrgNode]] = {}
        self.addItem("", None)
        for node in nodes:
            if node.kind == "community":
                street = by_id.get(node.parent_id) if node.parent_id else None
                path = f"{street.name} / {node.name}" if street else node.name
                self.addItem(path, node.id)
            elif node.kind == "grid" and node.parent_id is not None:
                self._grids.setdefault(node.parent_id, []).append(node)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.grid_combo = QComboBox()
        self.currentIndexChanged.connect(self._refresh_grids)
        self._refresh_grids()

    def community_id(self) -> int | None:
        index = self.findText(self.currentText().strip())
        data = self.itemData(index) if index >= 0 else None
        return None if data is None else int(data)

    def set_community(self, community_id: int | None, grid_id: int | None = None) -> None:
        self.setCurrentIndex(max(self.findData(community_id), 0))
        if grid_id is not None:
            self.grid_combo.setCurrentIndex(max(self.grid_combo.findData(grid_id), 0))

    def grid_id(self) -> int | None:
        data = self.grid_combo.currentData()
        return None if data is None else int(data)

    def _refresh_grids(self) -> None:
        self.grid_combo.clear()
        self.grid_combo.addItem("", None)
        community = self.currentData()
        for grid in self._grids.get(community, []) if community is not None else []:
            self.grid_combo.addItem(grid.name, grid.id)
        self.grid_combo.setEnabled(self.grid_combo.count() > 1)
        self.community_changed.emit(community)
