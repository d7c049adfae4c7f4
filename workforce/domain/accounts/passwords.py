"""Password and lock-out rules (账号安全): pure functions over values, no hashing, no clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MIN_LENGTH = 8
DEFAULT_MAX_FAILURES = 5
DEFAULT_LOCK_MINUTES = 15
DEFAULT_IDLE_MINUTES = 15


def password_problem(username: str, password: str) -> str | None:
    """Why ``password`` may not be used by ``username`` (a Chinese sentence), or None."""
    if len(password) < MIN_LENGTH:
        return f"密码至少{MIN_LENGTH}个字符"
    if password.isdigit():
        return "密码不能全是数字"
    if password.strip().casefold() == username.strip().casefold():
        return "密码不能与用户名相同"
    if password != password.strip():
        return "密码首尾不能是空格"
    return None


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """N failed logins in a row lock the account for M minutes (region settings)."""

    max_failures: int = DEFAULT_MAX_FAILURES
    lock_minutes: int = DEFAULT_LOCK_MINUTES

    def after_failure(self, failures: int, now: dt.datetime) -> tuple[int, dt.datetime | None]:
        """The failure count and lock end after one more failure; locking restarts the count."""
        failures += 1
        if failures >= max(self.max_failures, 1):
            return 0, now + dt.timedelta(minutes=self.lock_minutes)
        return failures, None


def is_locked(locked_until: dt.datetime | None, now: dt.datetime) -> bool:
    return locked_until is not None and _aware(locked_until) > now


def _aware(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive UTC timestamps; PostgreSQL aware ones."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def as_utc(value: dt.datetime) -> dt.datetime:
    return _aware(value)
