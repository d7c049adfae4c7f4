"""The organisation tree: district → street → community → grid, each with its head count."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from ui import formatting as fmt

if TYPE_CHECKING:
    from workforce.services.roster.org import OrgNode

ID_ROLE = Qt.ItemDataRole.UserRole


class OrgTree(QTreeWidget):
    """Selecting a unit emits its id (``None`` for the top "all units" item)."""

    unit_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Unit"), self.tr("In post")])
        self.headerItem().setToolTip(1, self.tr("Workers in post (active or on probation)"))
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, self.header().ResizeMode.ResizeToContents)
        self.itemSelectionChanged.connect(self._emit_selection)

    def selected_unit(self) -> int | None:
        items = self.selectedItems()
        return items[0].data(0, ID_ROLE) if items else None

    def set_units(self, nodes: Sequence[OrgNode], counts: dict[int, int]) -> None:
        """Rebuild the tree, keeping the selected unit and which units were open."""
        selected = self.selected_unit()
        expanded = {item.data(0, ID_ROLE) for item in self._items() if item.isExpanded()} or None
        self.blockSignals(True)
        self.clear()
        top = QTreeWidgetItem(
            [
                self.tr("All units"),
                fmt.count_text(sum(counts.get(n.id, 0) for n in nodes if n.parent_id is None)),
            ]
        )
        top.setData(0, ID_ROLE, None)
        self.addTopLevelItem(top)
        items: dict[int | None, QTreeWidgetItem] = {None: top}
        for node in nodes:
            item = QTreeWidgetItem([node.name, fmt.count_text(counts.get(node.id, 0))])
            item.setData(0, ID_ROLE, node.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, node.name)
            items[node.id] = item
        for node in nodes:  # attach in a second pass: a parent may be listed after its child
            items.get(node.parent_id, top).addChild(items[node.id])
        top.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for item in self._items():
            unit = item.data(0, ID_ROLE)
            if expanded is None:
                item.setExpanded(item is top or item.parent() is top)  # open the districts
            else:
                item.setExpanded(unit in expanded)
        chosen = items.get(selected, top)
        chosen.setSelected(True)
        self.setCurrentItem(chosen)
        self.blockSignals(False)

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def _emit_selection(self) -> None:
        self.unit_selected.emit(self.selected_unit())
