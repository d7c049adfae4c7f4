"""Stats (统计) in reports/."""
