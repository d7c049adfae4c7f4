"""Widgets (shared widgets) in ui/desktop/."""
