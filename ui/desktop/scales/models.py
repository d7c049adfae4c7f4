"""A pay scale as a level × post table: one version's amounts, or two versions compared (the new
amount with its difference, changed cells highlighted). Cells are computed once, as plain text."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ui import formatting as fmt
from workforce.domain.scale import PostRange, ScaleVersion
from workforce.domain.scales.table import ScaleDifference

Index = QModelIndex | QPersistentModelIndex
RAISED, LOWERED, ADDED = QColor("#fff2cc"), QColor("#fde2e1"), QColor("#e2f0d9")
OUT_OF_RANGE = QColor("#ececec")  # a level the post does not have
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    tooltip: str = ""
    background: QColor | None = None


@dataclass(frozen=True, slots=True)
class ScaleGrid:
    """Columns are posts (code, header), rows are levels, highest first; ``cells`` by position."""

    posts: tuple[tuple[str, str], ...]
    levels: tuple[int, ...]
    cells: dict[tuple[int, int], Cell]

    @property
    def changed(self) -> int:
        return sum(1 for cell in self.cells.values() if cell.background is not None)


def _header(post: PostRange, posts: tuple[PostRange, ...]) -> str:
    if post.paid_as:
        target = next((p.name for p in posts if p.code == post.paid_as), post.paid_as)
        return f"{post.name}\n" + QCoreApplication.translate("ScaleView", "(paid as %1)").replace(
            "%1", target
        )
    levels = (
        QCoreApplication.translate("ScaleView", "levels %1–%2")
        .replace("%1", str(post.min_level))
        .replace("%2", str(post.max_level))
    )
    return f"{post.name}\n{levels}"


def version_grid(version: ScaleVersion) -> ScaleGrid:
    """One version: the monthly amount of each (post, level) in the post's range."""
    posts = version.posts
    levels = tuple(range(max(p.max_level for p in posts), min(p.min_level for p in posts) - 1, -1))
    cells: dict[tuple[int, int], Cell] = {}
    for column, post in enumerate(posts):
        for row, level in enumerate(levels):
            if post.min_level <= level <= post.max_level:
                amount = version.amounts.get((post.paid_as or post.code, level))
                cells[(row, column)] = Cell(fmt.yuan_text(amount) if amount is not None else "—")
    return ScaleGrid(tuple((p.code, _header(p, posts)) for p in posts), levels, cells)


def comparison_grid(differences: tuple[ScaleDifference, ...]) -> ScaleGrid:
    """Two versions: the new amount and the change; raised, lowered or added cells coloured."""
    posts: dict[str, str] = {}
    for d in differences:
        posts.setdefault(d.post, d.post_name)
    levels = tuple(sorted({d.level for d in differences}, reverse=True))
    columns = {code: n for n, code in enumerate(posts)}
    rows = {level: n for n, level in enumerate(levels)}
    cells: dict[tuple[int, int], Cell] = {}
    for d in differences:
        tooltip = f"{d.post_name} {fmt.level_text(d.level)}：{_amount(d.old)} → {_amount(d.new)}"
        if d.new is None:
            cell = Cell(
                QCoreApplication.translate("ScaleView", "(removed: %1)").replace(
                    "%1", _amount(d.old)
                ),
                tooltip,
                LOWERED,
            )
        elif d.old is None:
            cell = Cell(
                QCoreApplication.translate("ScaleView", "%1 (new)").replace(
                    "%1", fmt.yuan_text(d.new)
                ),
                tooltip,
                ADDED,
            )
        elif d.difference:
            colour = RAISED if d.difference > 0 else LOWERED
            cell = Cell(
                f"{fmt.yuan_text(d.new)}（{fmt.signed_yuan_text(d.difference)}）", tooltip, colour
            )
        else:
            cell = Cell(fmt.yuan_text(d.new), tooltip)
        cells[(rows[d.level], columns[d.post])] = cell
    return ScaleGrid(tuple(posts.items()), levels, cells)


def _amount(value: Decimal | None) -> str:
    return "—" if value is None else fmt.yuan_text(value)


class ScaleGridModel(QAbstractTableModel):
    """Read-only view of a ``ScaleGrid``; ``data()`` only looks cells up."""

    def __init__(self) -> None:
        super().__init__()
        self.grid = ScaleGrid((), (), {})

    def set_grid(self, grid: ScaleGrid) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.grid.levels)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.grid.posts)

    def cell(self, row: int, column: int) -> Cell | None:
        return self.grid.cells.get((row, column))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.grid.cells.get((index.row(), index.column()))
        if cell is None:
            return OUT_OF_RANGE if role == Qt.ItemDataRole.BackgroundRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if role == Qt.ItemDataRole.BackgroundRole:
            return cell.background
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            posts = self.grid.posts
            return posts[section][1] if 0 <= section < len(posts) else None
        levels = self.grid.levels
        return fmt.level_text(levels[section]) if 0 <= section < len(levels) else None

    def post_level(self, index: Index) -> tuple[str, int] | None:
        """The (post code, level) a cell stands for, if the cell exists."""
        if not index.isValid() or (index.row(), index.column()) not in self.grid.cells:
            return None
        return self.grid.posts[index.column()][0], self.grid.levels[index.row()]
