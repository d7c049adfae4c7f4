"""Adjustment (调级调薪 and 考核) in workforce/domain/."""
