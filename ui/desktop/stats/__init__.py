"""Stats (统计) in ui/desktop/."""
