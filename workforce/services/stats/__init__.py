"""Stats (统计) in workforce/services/."""
