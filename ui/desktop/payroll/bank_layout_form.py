"""The form of one bank layout (代发格式) in the layout editor: name, bank, file type, encoding,
amount format, header lines with their placeholders, memo, and the ordered columns (field, title,
width) with add, remove and move up/down. The form only holds values: ``value()`` builds the
``BankLayout`` and the service checks it when saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workforce.domain.payroll.bank_layout import (
    AMOUNT_FORMATS,
    ENCODINGS,
    FIELD_NAMES,
    FILE_TYPES,
    BankColumn,
    BankLayout,
)

FIELD, TITLE, WIDTH = range(3)
HINT_STYLE = "color: #555; font-size: 9pt;"


def _combo(choices: dict[str, str]) -> QComboBox:
    box = QComboBox()
    for key, text in choices.items():
        box.addItem(text, key)
    return box


def _choose(box: QComboBox, key: str) -> None:
    box.setCurrentIndex(max(0, box.findData(key)))


class LayoutForm(QWidget):
    """One layout's values; ``set_layout(…, read_only=True)`` shows a built-in one."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read_only = False
        self.name = QLineEdit()
        self.bank = QLineEdit()
        self.bank.setPlaceholderText(self.tr("e.g. 中国工商银行"))
        self.description = QLineEdit()
        self.file_type = _combo(FILE_TYPES)
        self.encoding = _combo(ENCODINGS)
        self.amount_format = _combo(AMOUNT_FORMATS)
        self.title_row = QCheckBox(self.tr("Write the column titles above the rows"))
        self.header = QPlainTextEdit()
        self.header.setPlaceholderText(self.tr("One header line per line, e.g. 总笔数,{count}"))
        self.header.setFixedHeight(64)
        header_hint = QLabel(
            self.tr(
                "Placeholders: {unit} paying unit, {month} month, {bank} bank, {count} number "
                "of transfers, {total} total amount"
            )
        )
        header_hint.setWordWrap(True)
        header_hint.setStyleSheet(HINT_STYLE)
        self.memo = QLineEdit()
        self.memo.setToolTip(self.tr("Placeholders: {unit} and {month}"))
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Column title"), self.tr("Width")]
        )
        self.columns.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.columns.verticalHeader().setVisible(True)
        self.columns.setMinimumHeight(220)
        self.columns.setColumnWidth(FIELD, 130)
        self.columns.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.columns.setColumnWidth(WIDTH, 70)
        self.add_button = QPushButton(self.tr("Add column"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self._build(header_hint)
        self.add_button.clicked.connect(lambda _c=False: self.add_column())
        self.remove_button.clicked.connect(lambda _c=False: self.remove_column())
        self.up_button.clicked.connect(lambda _c=False: self.move_column(-1))
        self.down_button.clicked.connect(lambda _c=False: self.move_column(1))
        self.file_type.currentIndexChanged.connect(lambda _i: self._follow_file_type())
        for line in (self.name, self.bank, self.description, self.memo):
            line.textEdited.connect(lambda _t: self.edited.emit())
        self.header.textChanged.connect(self.edited.emit)
        self.title_row.toggled.connect(lambda _on: self.edited.emit())
        for box in (self.encoding, self.amount_format):
            box.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.columns.itemChanged.connect(lambda _item: self.edited.emit())

    def _build(self, header_hint: QLabel) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Bank"), self.bank)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("File type"), self.file_type)
        form.addRow(self.tr("Encoding (CSV)"), self.encoding)
        form.addRow(self.tr("Amounts"), self.amount_format)
        form.addRow("", self.title_row)
        form.addRow(self.tr("Header lines"), self.header)
        form.addRow("", header_hint)
        form.addRow(self.tr("Memo (摘要)"), self.memo)
        moves = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            moves.addWidget(button)
        moves.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(QLabel(self.tr("Columns, in the order of the file")))
        column.addWidget(self.columns, 1)
        column.addLayout(moves)

    # -- values -------------------------------------------------------------------------------
    def set_layout(self, layout: BankLayout, *, read_only: bool) -> None:
        self.read_only = read_only
        self.name.setText(layout.name)
        self.bank.setText(layout.bank)
        self.description.setText(layout.description)
        _choose(self.file_type, layout.file_type)
        _choose(self.encoding, layout.encoding)
        _choose(self.amount_format, layout.amount_format)
        self.title_row.setChecked(layout.title_row)
        self.header.setPlainText("\n".join(layout.header))
        self.memo.setText(layout.memo)
        self._fill(list(layout.columns))
        for widget in (self.name, self.bank, self.description, self.memo):
            widget.setReadOnly(read_only)
        self.header.setReadOnly(read_only)
        for widget in (
            self.file_type,
            self.amount_format,
            self.title_row,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            widget.setEnabled(not read_only)
        self._follow_file_type()

    def value(self) -> BankLayout:
        """The layout as entered (unchecked: the service checks it when saved)."""
        lines = self.header.toPlainText().splitlines()
        return BankLayout(
            name=self.name.text().strip(),
            bank=self.bank.text().strip(),
            description=self.description.text().strip(),
            file_type=str(self.file_type.currentData()),
            columns=tuple(self.column_values()),
            header=tuple(line for line in lines if line.strip()),
            memo=self.memo.text(),
            encoding=str(self.encoding.currentData()),
            amount_format=str(self.amount_format.currentData()),
            title_row=self.title_row.isChecked(),
        )

    def _follow_file_type(self) -> None:
        self.encoding.setEnabled(not self.read_only and self.file_type.currentData() == "csv")
        self.edited.emit()

    # -- columns ------------------------------------------------------------------------------
    def column_values(self) -> list[BankColumn]:
        found = []
        for row in range(self.columns.rowCount()):
            box = self.columns.cellWidget(row, FIELD)
            width = self.columns.cellWidget(row, WIDTH)
            title = self.columns.item(row, TITLE)
            assert isinstance(box, QComboBox) and isinstance(width, QSpinBox)
            found.append(
                BankColumn(title.text() if title else "", str(box.currentData()), width.value())
            )
        return found

    def _fill(self, columns: list[BankColumn], select: int | None = None) -> None:
        self.columns.blockSignals(True)
        self.columns.setRowCount(len(columns))
        for row, column in enumerate(columns):
            box = _combo(FIELD_NAMES)
            _choose(box, column.field)
            box.setEnabled(not self.read_only)
            box.currentIndexChanged.connect(lambda _i, b=box: self._field_changed(b))
            self.columns.setCellWidget(row, FIELD, box)
            item = QTableWidgetItem(column.title)
            if self.read_only:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns.setItem(row, TITLE, item)
            width = QSpinBox()
            width.setRange(2, 80)
            width.setValue(column.width)
            width.setEnabled(not self.read_only)
            width.valueChanged.connect(lambda _v: self.edited.emit())
            self.columns.setCellWidget(row, WIDTH, width)
        self.columns.blockSignals(False)
        if select is not None and 0 <= select < len(columns):
            self.columns.selectRow(select)
        self.edited.emit()

    def _field_changed(self, box: QComboBox) -> None:
        """A column whose title was still a field's own name takes the new field's name."""
        for row in range(self.columns.rowCount()):
            if self.columns.cellWidget(row, FIELD) is box:
                item = self.columns.item(row, TITLE)
                if item is not None and (not item.text() or item.text() in FIELD_NAMES.values()):
                    item.setText(FIELD_NAMES[str(box.currentData())])
        self.edited.emit()

    def current_column(self) -> int:
        rows = self.columns.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def add_column(self, field: str = "memo") -> None:
        columns = self.column_values()
        selected = self.current_column()
        at = selected + 1 if selected >= 0 else len(columns)  # after the selected column
        columns.insert(at, BankColumn(FIELD_NAMES[field], field))
        self._fill(columns, select=at)

    def remove_column(self) -> None:
        at = self.current_column()
        if at < 0:
            return
        columns = self.column_values()
        del columns[at]
        self._fill(columns, select=min(at, len(columns) - 1))

    def move_column(self, step: int) -> None:
        at = self.current_column()
        columns = self.column_values()
        to = at + step
        if at < 0 or not 0 <= to < len(columns):
            return
        columns[at], columns[to] = columns[to], columns[at]
        self._fill(columns, select=to)
