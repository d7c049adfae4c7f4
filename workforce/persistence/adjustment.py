"""The yearly adjustment run as a document (§4): the run, one item per affected worker, and the
post appointments (岗位任免) waiting for the next run."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from workforce.persistence.base import Base, Money, Timestamp, utc_now
from workforce.persistence.payroll import bulk_insert, raw_now
from workforce.persistence.people import PostLevelChange


class AdjustmentRun(Base):
    """调级调薪批次: prepared → approved → applied (→ reverted); superseded by a re-preparation."""

    __tablename__ = "adjustment_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    effective_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))
    rules: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    scale_id: Mapped[int | None] = mapped_column(ForeignKey("pay_scale.id"))
    person_times: Mapped[int] = mapped_column(Integer, default=0)
    yearly_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    prepared_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    prepared_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    approved_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    applied_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    applied_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    reverted_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reverted_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative API


class AdjustmentItem(Base):
    """One worker's line in a run: old → new, reasons, cost, clerk's exclusion or override, and
    the worker's rule state before and after (so the run reverts exactly)."""

    __tablename__ = "adjustment_item"
    __table_args__ = (UniqueConstraint("run_id", "worker_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("adjustment_run.id"))
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"), index=True)
    old_post: Mapped[str] = mapped_column(String(20))
    old_level: Mapped[int] = mapped_column(Integer)
    new_post: Mapped[str] = mapped_column(String(20))
    proposed_level: Mapped[int] = mapped_column(Integer)
    new_level: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    notes: Mapped[list[str]] = mapped_column(JSON, default=list)
    monthly_delta: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    yearly_delta: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    state_before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    state_after: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class PostAppointment(Base):
    """岗位任免: a post change waiting for the next run, which re-slots the level (§4.5)."""

    __tablename__ = "post_appointment"

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"), index=True)
    new_post: Mapped[str] = mapped_column(String(20))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("adjustment_run.id"))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now)


ITEM_COLUMNS = (
    "run_id",
    "worker_id",
    "old_post",
    "old_level",
    "new_post",
    "proposed_level",
    "new_level",
    "reasons",
    "notes",
    "monthly_delta",
    "yearly_delta",
    "excluded",
    "override_reason",
    "state_before",
    "state_after",
)


def insert_items(session: Session, items: Sequence[Mapping[str, Any]]) -> None:
    """Insert a run's items through the driver: ``executemany``, ``COPY`` on PostgreSQL."""
    if items:
        convert = ItemRows(session)
        insert_item_rows(session, [convert(item) for item in items])


ItemRowValues = tuple[int, int, tuple[Any, ...]]  # (run, worker, the other values): ``ItemRows``
COPY_CHUNK = 5000  # rows


def insert_item_rows(session: Session, rows: Sequence[ItemRowValues]) -> None:
    """Insert rows made by ``ItemRows`` (see ``item_row_writer``)."""
    with item_row_writer(session) as write:
        write(rows)


@contextmanager
def item_row_writer(session: Session) -> Iterator[Callable[[Sequence[ItemRowValues]], None]]:
    """A function taking rows made by ``ItemRows``: (run, worker, the other values) — the last
    shared by the workers of the same item —, all inserted when the block ends.

    SQLite: one ``executemany`` at the end. PostgreSQL: one ``COPY`` whose text is formatted once
    per shared tuple and sent as the rows come, so the server checks and stores them (its two
    foreign keys and three indexes are most of the insert) while the caller computes the next."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        pending: list[ItemRowValues] = []
        yield pending.extend
        flat = [(run_id, worker_id, *rest) for run_id, worker_id, rest in pending]
        if flat:
            bulk_insert(session, AdjustmentItem, ITEM_COLUMNS, flat)
        return
    texts: dict[int, str] = {}  # by the identity of the shared tuple (alive in the rows)
    kept: list[Sequence[ItemRowValues]] = []  # (so that no identity is reused meanwhile)

    def write(rows: Sequence[ItemRowValues]) -> None:
        kept.append(rows)
        for start in range(0, len(rows), COPY_CHUNK):
            lines = []
            for run_id, worker_id, rest in rows[start : start + COPY_CHUNK]:
                text = texts.get(id(rest))
                if text is None:
                    text = texts[id(rest)] = "\t".join(map(_copy_text, rest))
                lines.append(f"{run_id}\t{worker_id}\t{text}\n")
            copy.write("".join(lines))

    driver: Any = connection.connection.dbapi_connection  # a psycopg connection
    target = f"adjustment_item ({', '.join(ITEM_COLUMNS)})"
    with driver.cursor() as cursor, cursor.copy(f"COPY {target} FROM STDIN") as copy:
        yield write


def _copy_text(value: Any) -> str:
    """A value in ``COPY``'s text format."""
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, str):
        return (
            value.replace("\\", "\\\\")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
        )
    return str(value)


class ItemRows:
    """An item (a mapping of ``ITEM_COLUMNS``) as the row the driver writes.

    The values are converted here as the column types would (JSON text as ``json.dumps`` writes
    it, money as integer fen), so the stored rows are the same as an ORM insert's; the ORM's
    per-row bind processing was most of a 100,000-worker preparation."""

    def __init__(self, session: Session) -> None:
        self.money, self.dialect = Money(), session.get_bind().dialect
        self.fens: dict[Decimal, int | None] = {}  # a few hundred distinct amounts
        self.reasons, self.notes = _JsonTexts(), _JsonTexts()
        self.before, self.after = _JsonTexts(), _JsonTexts()

    def fen(self, value: Decimal) -> int | None:
        found = self.fens.get(value, self.fens)
        if found is self.fens:
            found = self.fens[value] = self.money.process_bind_param(value, self.dialect)
        return found  # type: ignore[return-value]

    def __call__(self, item: Mapping[str, Any]) -> tuple[int, int, tuple[Any, ...]]:
        """(run, worker, the other values in the order of ``ITEM_COLUMNS``)."""
        return item["run_id"], item["worker_id"], self.rest(item)

    def rest(self, item: Mapping[str, Any]) -> tuple[Any, ...]:
        return (
            item["old_post"],
            item["old_level"],
            item["new_post"],
            item["proposed_level"],
            item["new_level"],
            self.reasons(item["reasons"]),
            self.notes(item["notes"]),
            self.fen(item["monthly_delta"]),
            self.fen(item["yearly_delta"]),
            item.get("excluded", False),
            item.get("override_reason", ""),
            self.before(item["state_before"]),
            self.after(item["state_after"]),
        )


class _JsonTexts:
    """``json.dumps`` remembering its answers: a run's reasons, notes and states take a few
    hundred distinct values over 100,000 items. The key is the flat items of each dict, so it
    relies on a column never holding ``True`` where another row holds ``1`` (it does not: the
    states hold ints, strings and None)."""

    def __init__(self) -> None:
        self.texts: dict[Any, str] = {}
        # the same object again (items built once per combination share their dicts): by
        # identity, the object kept alive so its id is not reused
        self.objects: dict[int, tuple[Any, str]] = {}

    def __call__(self, value: Any) -> str:
        seen = self.objects.get(id(value))
        if seen is not None:
            return seen[1]
        self.objects[id(value)] = (value, text := self._text(value))
        return text

    def _text(self, value: Any) -> str:
        try:
            if isinstance(value, dict):
                key: Any = tuple(value.items())
            else:
                key = tuple(tuple(v.items()) if isinstance(v, dict) else v for v in value)
            text = self.texts.get(key)
        except TypeError:  # a nested (unhashable) value: no memory
            return json.dumps(value)
        if text is None:
            text = self.texts[key] = json.dumps(value)
        return text


# PostgreSQL types of the worker's rule-state columns (see ``update_worker_states``)
_STATE_TYPES = {
    "post": "varchar",
    "level": "integer",
    "level_start_year": "integer",
    "credited_ladder": "integer",
    "early_steps_used": "integer",
    "early_streak_start": "integer",
    "credited_honour_kinds": "varchar",
}


def update_worker_states(
    session: Session, rows: Sequence[tuple[int, Mapping[str, Any]]], now: dt.datetime
) -> None:
    """Set each worker's rule state and bump its version, in bulk.

    PostgreSQL: ONE ``UPDATE … FROM json_array_elements(document)`` instead of 100,000 UPDATEs,
    whose round trips and per-statement work were most of a run's application there. SQLite: a
    plain DBAPI ``executemany`` (in-process, no round trips), without SQLAlchemy's per-row
    parameter work."""
    fields = list(_STATE_TYPES)
    if session.get_bind().dialect.name != "postgresql":
        stamp = raw_now(session, now)
        sets = ", ".join(f"{f} = ?" for f in fields)
        session.connection().exec_driver_sql(
            f"UPDATE worker SET {sets}, version = version + 1, updated_at = ? WHERE id = ?",
            [(*(state[f] for f in fields), stamp, worker_id) for worker_id, state in rows],
        )
        return
    # one JSON document of [id, *state] rows, split by the server: array parameters would be
    # dumped element by element in Python by the driver
    values = ", ".join(
        f"CAST(r.row->>{i} AS {_STATE_TYPES[f]}) AS {f}" for i, f in enumerate(fields, 1)
    )
    sql = text(
        f"UPDATE worker SET {', '.join(f'{f} = v.{f}' for f in fields)}, "
        "version = worker.version + 1, updated_at = :now "
        f"FROM (SELECT CAST(r.row->>0 AS integer) AS id, {values} "
        "FROM json_array_elements(CAST(:rows AS json)) AS r(row)) AS v "
        "WHERE worker.id = v.id"
    )
    document = json.dumps([[worker_id, *(state[f] for f in fields)] for worker_id, state in rows])
    session.execute(sql, {"now": now, "rows": document})


def load_json(value: Any, texts: dict[str, Any]) -> Any:
    """A JSON column read by ``plain_rows``: its text (parsed once per distinct text, a fresh
    copy each time); an already parsed value is taken as it is."""
    if not isinstance(value, str):
        return value
    parsed = texts.get(value)
    if parsed is None:
        parsed = texts[value] = json.loads(value)
    return json.loads(value) if not isinstance(parsed, dict) else dict(parsed)


LEVEL_CHANGE_COLUMNS = ("worker_id", "effective_date", "post", "level", "reason", "source")


def insert_level_changes(
    session: Session,
    rows: Sequence[tuple[int, str, int]],
    effective_date: dt.date,
    reason: str,
    source: str,
) -> None:
    """The post/level history rows of a run's workers (worker, post, level), all from one date,
    through the driver (``COPY`` on PostgreSQL) with the values as the column types store them."""
    if not rows:
        return
    dialect = session.get_bind().dialect
    to_date = Date().dialect_impl(dialect).bind_processor(dialect)
    date = to_date(effective_date) if to_date is not None else effective_date
    stamp = raw_now(session)
    bulk_insert(
        session,
        PostLevelChange,
        (*LEVEL_CHANGE_COLUMNS, "created_at"),
        [(worker_id, date, post, level, reason, source, stamp) for worker_id, post, level in rows],
    )
