"""Roster (一人一档 and 花名册) in reports/."""
