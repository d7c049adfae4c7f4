"""Accounts (用户, 登录, 审计) in reports/."""
