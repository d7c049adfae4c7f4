"""Where this PC's program finds its database (issue 18 §1): the embedded file or a server.

The desktop's 数据库连接 dialog saves the choice; the command line reads the same file, so
``workforce stats`` on that PC talks to the same server without a URL. What is saved is the
address without the password (``connection.json`` in the user's configuration folder; a plain
file rather than Qt's settings so that the command line need not load Qt). The password is never
written there: it is asked, or kept in the operating system's credential store (``keyring``:
Windows Credential Manager, macOS Keychain, the Secret Service on Linux) when 记住密码 is
ticked, or found by PostgreSQL's own client in ``PGPASSFILE`` / ``~/.pgpass``, which this module
leaves alone.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_config_dir
from sqlalchemy.engine import URL, make_url

CONFIG_ENV = "WORKFORCE_CONFIG_DIR"
"""Another folder for ``connection.json`` (tests, a portable install)."""
KEYRING_SERVICE = "workforce"
SSL_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")
"""libpq's ``sslmode``: ``require`` encrypts; ``verify-full`` also checks the server's
certificate against the CA file and its name against the host."""
DRIVER = "postgresql+psycopg"


@dataclass(frozen=True, slots=True)
class ServerAddress:
    """A PostgreSQL server's address as the clerk types it (no password)."""

    host: str
    port: int = 5432
    database: str = "workforce"
    user: str = "workforce_app"
    sslmode: str = "prefer"
    sslrootcert: str = ""

    def url(self, password: str | None = None) -> URL:
        query: dict[str, str] = {"sslmode": self.sslmode}
        if self.sslrootcert:
            query["sslrootcert"] = self.sslrootcert
        return URL.create(
            DRIVER,
            username=self.user,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
            query=query,
        )

    @property
    def key(self) -> str:
        """The credential store's name for this account: ``user@host:port/database``."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


@dataclass(frozen=True, slots=True)
class ConnectionSettings:
    """``embedded``: the SQLite file (``path``; empty means the default in the data folder);
    ``server``: ``server``'s address. ``remember_password``: the password is in the credential
    store (never in this file)."""

    kind: Literal["embedded", "server"] = "embedded"
    path: str = ""
    server: ServerAddress | None = None
    remember_password: bool = False

    def url(self, default_file: Path) -> str:
        """The address without a password (SQLAlchemy's text form)."""
        if self.kind == "server" and self.server is not None:
            return self.server.url().render_as_string(hide_password=False)
        return f"sqlite:///{Path(self.path).expanduser() if self.path else default_file}"


def settings_path() -> Path:
    folder = os.environ.get(CONFIG_ENV) or user_config_dir("workforce", appauthor=False)
    return Path(folder) / "connection.json"


def load_settings() -> ConnectionSettings | None:
    """What the dialog saved, or None (never chosen, or the file unreadable)."""
    try:
        data = json.loads(settings_path().read_text("utf-8"))
        server = data.get("server")
        return ConnectionSettings(
            kind="server" if data.get("kind") == "server" else "embedded",
            path=str(data.get("path", "")),
            server=ServerAddress(**server) if isinstance(server, dict) else None,
            remember_password=bool(data.get("remember_password", False)),
        )
    except (OSError, ValueError, TypeError):
        return None


def save_settings(settings: ConnectionSettings) -> Path:
    """Write the choice (no password: ``ServerAddress`` has none), readable by this user only."""
    target = settings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    data = asdict(settings)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    temporary.chmod(0o600)
    temporary.replace(target)
    return target


def address_of(url: str) -> ServerAddress | None:
    """A PostgreSQL URL as an address (the password dropped), else None."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return None
    query = {k: v if isinstance(v, str) else v[0] for k, v in parsed.query.items()}
    return ServerAddress(
        host=parsed.host or "localhost",
        port=parsed.port or 5432,
        database=parsed.database or "",
        user=parsed.username or "",
        sslmode=query.get("sslmode", "prefer"),
        sslrootcert=query.get("sslrootcert", ""),
    )


# --- the password -----------------------------------------------------------------------------

_typed: dict[str, str] = {}
"""Passwords typed in this process (the desktop's prompt), by ``ServerAddress.key``."""


def remember_for_this_run(address: ServerAddress, password: str) -> None:
    _typed[address.key] = password


class NoCredentialStore(Exception):
    """This computer has no credential store the ``keyring`` package can use."""


def _keyring() -> Any:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError as exc:
        raise NoCredentialStore("未安装 keyring") from exc
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        raise NoCredentialStore(type(backend).__name__)
    return keyring


def credential_store_available() -> bool:
    try:
        _keyring()
    except NoCredentialStore:
        return False
    return True


def store_password(address: ServerAddress, password: str) -> None:
    """Into the operating system's credential store; ``NoCredentialStore`` where there is none."""
    try:
        _keyring().set_password(KEYRING_SERVICE, address.key, password)
    except NoCredentialStore:
        raise
    except Exception as exc:  # a locked or refusing store: the same for the clerk
        raise NoCredentialStore(str(exc)) from exc


def forget_password(address: ServerAddress) -> None:
    try:
        _keyring().delete_password(KEYRING_SERVICE, address.key)
    except Exception:  # nothing stored, or no store: nothing to forget
        return


def stored_password(address: ServerAddress) -> str | None:
    """Typed in this run, else from the credential store, else None (libpq then tries
    ``PGPASSWORD`` and the passfile itself)."""
    if address.key in _typed:
        return _typed[address.key]
    try:
        found = _keyring().get_password(KEYRING_SERVICE, address.key)
    except Exception:
        return None
    return found if isinstance(found, str) else None
