"""打印预览: a PDF the program wrote (roster, adjustment notices…) shown before it is printed.

Qt PDF's ``QPdfView`` (PySide6-Addons) shows the pages; the clerk moves between pages, zooms, then
prints through the system's print dialog (``QPrinter``/``QPrintDialog``: printer, copies, page
range) or saves the PDF elsewhere. Printing draws each page as an image at the printer's
resolution (at most ``PRINT_DPI``), fitted to the printable area, in the page's own proportions.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.desktop.widgets.folders import last_folder, remember_folder
from ui.desktop.widgets.screen_fit import fit_window

PRINT_DPI = 300
FIT_WIDTH, FIT_PAGE = "width", "page"
ZOOMS = (FIT_WIDTH, FIT_PAGE, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Print the pages the printer's range asks for (all by default); the number printed."""
    count = document.pageCount()
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), min(printer.toPage() or count, count)
    painter = QPainter()
    if count == 0 or not painter.begin(printer):
        return 0
    dpi = min(printer.resolution(), PRINT_DPI)
    printed = 0
    try:
        for number in range(first - 1, last):
            if printed:
                printer.newPage()
            points = document.pagePointSize(number)
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(number, pixels)
            area = QRectF(painter.viewport())
            scale = min(area.width() / pixels.width(), area.height() / pixels.height())
            target = QRectF(0, 0, pixels.width() * scale, pixels.height() * scale)
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed


class PrintPreview(QDialog):
    """The PDF at ``path`` in pages, with page navigation, zoom, 打印… and 另存为 PDF…."""

    def __init__(
        self, path: str | Path, title: str, note: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(self.tr("Print preview: %1").replace("%1", title))
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.previous_button = QPushButton(self.tr("‹ Previous page"))
        self.next_button = QPushButton(self.tr("Next page ›"))
        self.page = QSpinBox()
        self.page.setRange(1, max(self.document.pageCount(), 1))
        self.pages = QLabel(self.tr("of %1 pages").replace("%1", str(self.document.pageCount())))
        self.zoom = QComboBox()
        for zoom in ZOOMS:
            if zoom == FIT_WIDTH:
                self.zoom.addItem(self.tr("Fit width"), zoom)
            elif zoom == FIT_PAGE:
                self.zoom.addItem(self.tr("Whole page"), zoom)
            else:
                self.zoom.addItem(f"{zoom:.0%}", zoom)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save PDF as…"))
        close_button = QPushButton(self.tr("Close"))
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        bar = QHBoxLayout()
        for widget in (self.previous_button, self.page, self.pages, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Zoom")))
        bar.addWidget(self.zoom)
        bar.addStretch(1)
        for button in (self.print_button, self.save_button, close_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.zoom.currentIndexChanged.connect(lambda _index: self._zoom())
        self.print_button.clicked.connect(self.print_pages)
        self.save_button.clicked.connect(lambda _checked=False: self.save_as())
        close_button.clicked.connect(self.reject)
        fit_window(self, 1000, 700)
        self._page_changed(0)

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        """Show page ``page`` (0-based), kept within the document."""
        page = max(0, min(page, self.document.pageCount() - 1))
        if page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._page_changed(page)

    def _page_changed(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.document.pageCount() - 1)

    def _zoom(self) -> None:
        zoom = self.zoom.currentData()
        if zoom == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif zoom == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(zoom))

    def print_pages(self) -> None:
        """打印…: the system's print dialog (printer, copies, page range), then the pages."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        printer.setFromTo(1, self.document.pageCount())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if print_document(self.document, printer) == 0:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("Nothing was printed: the printer refused.")
            )

    def save_as(self, target: str | None = None) -> str | None:
        """另存为 PDF…: a copy of the document where the clerk chooses."""
        if target is None:
            suggested = str(last_folder() / self.path.name)
            target, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save PDF as"), suggested, "PDF (*.pdf)"
            )
            if not target:
                return None
            remember_folder(target)
        if not target.lower().endswith(".pdf"):
            target += ".pdf"
        if Path(target).resolve() != self.path.resolve():
            shutil.copyfile(self.path, target)
        self.note.setText(self.tr("Saved to %1").replace("%1", target))
        self.note.setVisible(True)
        return target


def show_preview(parent: QWidget, path: str | Path, title: str, note: str = "") -> PrintPreview:
    """Open the preview of ``path`` (non-modal), deleted when closed."""
    preview = PrintPreview(path, title, note, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    preview.show()
    return preview
