"""Every window and dialog on the clerk's screen: sized and placed within the screen's usable area.

The common office screen is 1366×768 with a taskbar, so a window asked for at 1280×800 would be
cut at the bottom. ``fit_window`` gives a window its preferred size, shrunk to the usable area of
its screen (``QScreen.availableGeometry``, the taskbar left out) less room for the title bar, and
places it over its parent (or in the middle of the screen) without leaving that area. Tall forms
put their fields in a ``QScrollArea`` so that they can shrink (``scrolled``).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# the title bar and borders a window manager adds around a window not yet shown
FRAME = QSize(16, 40)
CLERK_SCREEN = QSize(1366, 768)  # the smallest screen the program is made for


def _screen(widget: QWidget) -> QScreen | None:
    parent = widget.parentWidget()
    for candidate in (widget, parent.window() if parent is not None else None):
        if candidate is not None and candidate.isVisible():
            return candidate.screen()
    return QGuiApplication.primaryScreen()


def available_area(widget: QWidget) -> QRect:
    """The usable part of ``widget``'s screen (that of its parent window before it is shown)."""
    screen = _screen(widget)
    if screen is None:
        return QRect(0, 0, CLERK_SCREEN.width(), CLERK_SCREEN.height())
    return screen.availableGeometry()


def fitted_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width``×``height``, or less, so that the window with its frame fits the usable area."""
    area = available_area(widget)
    return QSize(
        max(1, min(width, area.width() - FRAME.width())),
        max(1, min(height, area.height() - FRAME.height())),
    )


def fit_window(widget: QWidget, width: int, height: int) -> None:
    """Size a top-level window or dialog to ``width``×``height`` (its preferred size, shrunk to
    the screen's usable area) and place it over its parent window, or centred on the screen."""
    size = fitted_size(widget, width, height)
    widget.resize(size)
    place_window(widget)


def place_window(widget: QWidget) -> None:
    """Move the window over the middle of its parent (or of the screen), inside the usable area."""
    area = available_area(widget)
    parent = widget.parentWidget()
    outer = widget.frameGeometry() if widget.isVisible() else QRect(0, 0, 0, 0)
    frame = outer.size() - widget.size() if outer.isValid() else FRAME
    width, height = widget.width() + frame.width(), widget.height() + frame.height()
    if parent is not None and parent.window().isVisible():
        centre = parent.window().frameGeometry().center()
    else:
        centre = area.center()
    left = min(max(centre.x() - width // 2, area.left()), area.right() + 1 - width)
    top = min(max(centre.y() - height // 2, area.top()), area.bottom() + 1 - height)
    widget.move(max(left, area.left()), max(top, area.top()))


def scrolled(body: QWidget) -> QScrollArea:
    """``body`` in a frameless scroll area: a tall form shrinks to a small screen and scrolls."""
    area = QScrollArea()
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
