"""Scales (薪酬标准 and 津贴) in workforce/domain/."""
