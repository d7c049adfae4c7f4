"""Demo (示例数据) in workforce/domain/."""
