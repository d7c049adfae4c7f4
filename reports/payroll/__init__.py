"""Payroll (工资) in reports/."""
