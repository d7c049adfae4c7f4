"""Payroll (工资) in workforce/domain/."""
