"""Measuring ``bench_ten_clerks.py`` (the parent): the server's CPU, what the busy backends wait
on and who holds it, lost updates, and the report."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select, text

OPERATIONS = ("edit", "import", "review", "renew", "stats", "dashboard", "payroll", "adjust")


def server_cpu(database: str, seen: dict[int, float]) -> None:
    """CPU seconds of every backend of ``database`` (its process title names it), kept per pid."""
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            if f" {database} " not in title:
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seen[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick


WAITS: dict[str, int] = {}
"""What the busy backends of the database were doing, sampled four times a second: ``running``
(on a core or waiting for one), ``Lock:transactionid`` (a row another transaction holds),
``Lock:advisory`` (the audit chain's lock), ``IO:WALSync`` (a commit's flush), …"""
LOADS: list[float] = []
"""The one-minute load average, read each second of the run."""
BLOCKED: dict[str, int] = {}
"""Each lock wait as "who waits (its statement) ← who holds it (its state: its statement)"."""

_SAMPLE = text(
    "SELECT a.application_name, coalesce(a.wait_event_type || ':' || a.wait_event, 'running'),"
    " left(regexp_replace(a.query, '\\s+', ' ', 'g'), 40), b.application_name, b.state,"
    " coalesce(b.wait_event_type || ':' || b.wait_event, 'running'),"
    " left(regexp_replace(b.query, '\\s+', ' ', 'g'), 40)"
    " FROM pg_stat_activity a"
    " LEFT JOIN LATERAL unnest(pg_blocking_pids(a.pid)) AS held(pid) ON true"
    " LEFT JOIN pg_stat_activity b ON b.pid = held.pid"
    " WHERE a.datname = :database AND a.state = 'active' AND a.pid <> pg_backend_pid()"
)


def _who(name: str | None) -> str:
    return "clerk" if name and name.startswith("clerk") else (name or "?")


def waits(watcher: Any, database: str) -> None:
    seen: set[tuple[Any, ...]] = set()
    with watcher.connect() as connection:
        for row in connection.execute(_SAMPLE, {"database": database}):
            app, what, query, holder, state, holding, held_query = row
            if (app, what, query) not in seen:
                seen.add((app, what, query))
                WAITS[what] = WAITS.get(what, 0) + 1
            if holder is not None:
                key = f"{_who(app)} `{query}` ← {_who(holder)} {state}/{holding}: `{held_query}`"
                BLOCKED[key] = BLOCKED.get(key, 0) + 1


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def counters(url: str, workers: list[int]) -> dict[int, int]:
    """The save counter each edited person's 备注 holds (``bench:N``)."""
    from workforce.persistence.people import Worker

    engine = create_engine(url)
    with engine.connect() as connection:
        query = select(Worker.id, Worker.remarks).where(Worker.id.in_(sorted(set(workers))))
        stored = {worker: remarks for worker, remarks in connection.execute(query)}
    engine.dispose()
    return {w: int((stored.get(w) or "bench:0").split(":")[-1] or 0) for w in workers}


def lost_updates(
    url: str, before: dict[int, int], results: list[dict[str, Any]]
) -> tuple[int, int]:
    """(saves counted by the clerks, increments missing in the database) over edited people,
    against the counters ``before`` the run."""
    saves: dict[int, int] = {}
    for result in results:
        for worker, count in result["saves"].items():
            saves[int(worker)] = saves.get(int(worker), 0) + count
    after = counters(url, list(saves))
    missing = sum(max(0, n - (after[w] - before.get(w, 0))) for w, n in saves.items())
    return sum(saves.values()), missing


def report(
    solo: list[dict[str, Any]],
    load: list[dict[str, Any]],
    plan: dict[str, Any],
    minutes: float,
    server_seconds: float,
    wall: float,
    lost: tuple[int, int],
) -> str:
    def gather(results: list[dict[str, Any]]) -> dict[str, list[float]]:
        merged: dict[str, list[float]] = {}
        for result in results:
            for name, values in result["timings"].items():
                merged.setdefault(name, []).extend(values)
        return merged

    alone, together = gather(solo), gather(load)
    lines = [
        "| operation | alone n | alone p50 | alone p95 | together n | together p50 |"
        " together p95 | p95 ratio |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in OPERATIONS:
        a, t = alone.get(name, []), together.get(name, [])
        if not a or not t:
            continue
        ratio = quantile(t, 0.95) / quantile(a, 0.95)
        lines.append(
            f"| {name} | {len(a)} | {quantile(a, 0.5):.3f} | {quantile(a, 0.95):.3f} | {len(t)} |"
            f" {quantile(t, 0.5):.3f} | {quantile(t, 0.95):.3f} | {ratio:.2f}× |"
        )
    errors = [e for r in load for e in r["errors"]]
    conflicts = sum(r["conflicts"] for r in load)
    retries = sum(r["retries"] for r in load)
    operations = sum(len(v) for v in together.values())
    client_cpu = sum(r["cpu"] for r in load)
    lines += [
        "",
        f"- {len(load)} processes for {minutes:g} min ({wall:.0f} s wall), {operations:,}"
        f" operations, {plan['workers']:,} workers, connected as the clerks' role",
        f"- errors a clerk would see: {len(errors)}"
        + (": " + "; ".join(sorted(set(errors))[:8]) if errors else ""),
        f"- refused as changed by someone else (by design) and re-opened: {conflicts}"
        f" (retries {retries}); serialization failures/deadlocks: "
        f"{sum('40001' in e or '40P01' in e or 'deadlock' in e.lower() for e in errors)}",
        f"- lost updates: {lost[1]} of {lost[0]:,} saves of the edited people",
        f"- server CPU (this database's backends): {server_seconds:.0f} s over {wall:.0f} s"
        f" = {server_seconds / wall:.2f} cores; the clerks' processes: {client_cpu:.0f} s",
        "- busy backends sampled four times a second: "
        + ", ".join(f"{k} {v}" for k, v in sorted(WAITS.items(), key=lambda kv: -kv[1])[:8]),
        f"- load average during the run: mean {sum(LOADS) / max(1, len(LOADS)):.1f},"
        f" max {max(LOADS, default=0):.1f}; at the end:"
        f" {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        f" ({os.cpu_count()} CPUs, shared)",
    ]
    if BLOCKED:
        lines += ["- lock waits, who waits ← who holds (samples):"]
        ranked = sorted(BLOCKED.items(), key=lambda kv: -kv[1])[:10]
        lines += [f"  - {n} × {k}" for k, n in ranked]
    return "\n".join(lines)
