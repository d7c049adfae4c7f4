"""Careers (社工证, 培训, 晋升通道) in workforce/services/."""
