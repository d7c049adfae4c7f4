"""Payroll (工资) in ui/desktop/."""
