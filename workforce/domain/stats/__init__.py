"""Stats (统计) in workforce/domain/."""
