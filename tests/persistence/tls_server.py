"""A throwaway PostgreSQL cluster with TLS on, for the encrypted-connection tests (issue 18 §2).

A CA and a server certificate for ``localhost`` are made at test time (``cryptography``); the
cluster listens on 127.0.0.1 at a free port, accepts only encrypted connections (``hostssl``
lines in its pg_hba.conf, as the README shows a city's server) and is stopped and removed
afterwards. The machine's main cluster is not touched. Needs ``initdb`` and, when run as root,
the ``postgres`` account to run the server as."""

from __future__ import annotations

import datetime as dt
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

CLERK, CLERK_PASSWORD = "clerk", "Cl3rk-口令"
"""A role that must give its password (made by ``tls_cluster``)."""


@dataclass(frozen=True)
class TlsServer:
    port: int
    ca_file: Path
    other_ca_file: Path  # a CA that did not sign the server's certificate


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _certificate(
    subject: str,
    key: ec.EllipticCurvePrivateKey,
    issuer: str,
    issuer_key: ec.EllipticCurvePrivateKey,
    *,
    ca: bool,
) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False
        )
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def make_certificates(folder: Path) -> tuple[Path, Path, Path, Path]:
    """(CA file, other CA file, server certificate, server key) in ``folder``."""
    ca_key, other_key, server_key = _key(), _key(), _key()
    ca = _certificate("workforce test CA", ca_key, "workforce test CA", ca_key, ca=True)
    other = _certificate("another CA", other_key, "another CA", other_key, ca=True)
    server = _certificate("localhost", server_key, "workforce test CA", ca_key, ca=False)
    files = [folder / n for n in ("root.crt", "other.crt", "server.crt", "server.key")]
    files[0].write_bytes(_pem(ca))
    files[1].write_bytes(_pem(other))
    files[2].write_bytes(_pem(server))
    files[3].write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    files[3].chmod(0o600)
    return files[0], files[1], files[2], files[3]


def find_initdb() -> Path | None:
    found = shutil.which("initdb") or next(
        iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)), None
    )
    return Path(found) if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _run(command: list[str], *, check: bool = True) -> None:
    subprocess.run(
        _as_server_user(command), capture_output=True, text=True, check=check, timeout=120
    )


@contextmanager
def tls_cluster() -> Iterator[TlsServer]:
    """Start the cluster; raises ``RuntimeError`` (with what failed) when it cannot."""
    initdb = find_initdb()
    if initdb is None:
        raise RuntimeError("initdb not found")
    bindir = initdb.resolve().parent
    folder = Path(tempfile.mkdtemp(prefix="workforce-tls-"))
    data = folder / "data"
    try:
        ca, other, certificate, key = make_certificates(folder)
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            for path in (folder, certificate, key):
                os.chown(path, account.pw_uid, account.pw_gid)
        folder.chmod(0o755)
        for path in (ca, other, certificate):
            path.chmod(0o644)
        _run([str(initdb), "-D", str(data), "-A", "reject", "-U", "postgres"])
        port = _free_port()
        with (data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"port = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n"
                f"ssl = on\nssl_cert_file = '{certificate}'\nssl_key_file = '{key}'\n"
                "fsync = off\nshared_buffers = 16MB\nmax_connections = 20\n"
            )
        # only encrypted connections from this machine: the clerk with a password, the others
        # trusted (the tests' superuser)
        (data / "pg_hba.conf").write_text(
            f"hostssl all {CLERK} 127.0.0.1/32 scram-sha-256\nhostssl all all 127.0.0.1/32 trust\n"
        )
        start = [str(bindir / "pg_ctl"), "-D", str(data), "-w", "-t", "60", "-l"]
        _run([*start, str(folder / "log"), "start"])
        try:
            yield TlsServer(port, ca, other)
        finally:
            _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], check=False)
    except subprocess.CalledProcessError as exc:
        raise RuntimeError(f"{exc.cmd[0]}: {exc.stderr or exc.stdout}") from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)
