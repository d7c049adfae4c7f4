"""打印预览: the pages before printing, page by page and zoomed; 打印 prints them, 另存为 copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from ui.desktop.widgets.print_preview import PrintPreview, print_document

pytestmark = pytest.mark.gui


def _pdf(path: Path, pages: int) -> Path:
    canvas = Canvas(str(path), pagesize=landscape(A4))
    for number in range(pages):
        canvas.drawString(72, 500, f"page {number + 1}")
        canvas.showPage()
    canvas.save()
    return path


def _pages(path: Path) -> int:
    document = QPdfDocument()
    document.load(str(path))
    return document.pageCount()


def test_the_preview_moves_between_pages_and_zooms(qtbot: QtBot, tmp_path: Path) -> None:
    preview = PrintPreview(_pdf(tmp_path / "roster.pdf", 3), "花名册")
    qtbot.addWidget(preview)
    preview.show()
    assert preview.page.maximum() == 3 and "3" in preview.pages.text()
    assert not preview.previous_button.isEnabled() and preview.next_button.isEnabled()
    preview.next_button.click()
    preview.next_button.click()
    assert preview.page.value() == 3 and not preview.next_button.isEnabled()
    preview.page.setValue(1)
    assert preview.current_page() == 0 and not preview.previous_button.isEnabled()
    preview.zoom.setCurrentIndex(preview.zoom.findData(2.0))
    assert preview.view.zoomFactor() == 2.0
    preview.zoom.setCurrentIndex(preview.zoom.findData("page"))
    assert preview.view.zoomMode() == preview.view.ZoomMode.FitInView


def test_printing_sends_every_page_or_the_range_chosen(qtbot: QtBot, tmp_path: Path) -> None:
    preview = PrintPreview(_pdf(tmp_path / "notices.pdf", 3), "调级通知")
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(100)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_document(preview.document, printer) == 3
    assert _pages(tmp_path / "printed.pdf") == 3

    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_document(preview.document, printer) == 2
    assert _pages(tmp_path / "two.pdf") == 2


def test_saving_the_pdf_stays(qtbot: QtBot, tmp_path: Path) -> None:
    source = _pdf(tmp_path / "card.pdf", 1)
    preview = PrintPreview(source, "个人档案表")
    qtbot.addWidget(preview)
    saved = preview.save_as(str(tmp_path / "copy"))
    assert saved == str(tmp_path / "copy.pdf")
    assert (tmp_path / "copy.pdf").read_bytes() == source.read_bytes()
    assert saved in preview.note.text()
