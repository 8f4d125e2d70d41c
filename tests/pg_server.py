"""A throwaway PostgreSQL 15 server on loopback for the team-store tests: initdb in a temporary
folder, started with pg_ctl (as the `postgres` user when run as root), stopped and deleted after."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("LINKCHART_PG_BIN", "/usr/lib/postgresql/15/bin"))


def available() -> bool:
    return (PG_BIN / "initdb").exists() and (PG_BIN / "pg_ctl").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="linkchart-pg-"))
        self.data, self.port = self.root / "data", _free_port()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(f"{PG_BIN}/initdb -D {self.data} -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 -N")
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50"
        self._run(f"{PG_BIN}/pg_ctl -D {self.data} -l {self.root}/log -o '{options}' -w start")

    def _run(self, command: str) -> None:
        args = ["su", "postgres", "-s", "/bin/sh", "-c", command] if self.as_postgres else ["sh", "-c", command]
        subprocess.run(args, check=True, capture_output=True, timeout=120)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh empty database; its URL."""
        import psycopg

        name = "case_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(f"{PG_BIN}/pg_ctl -D {self.data} -m immediate -w stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    """A running server; skips when PostgreSQL is not installed, fails under CI=true."""
    if not available():
        message = f"PostgreSQL 15 is not installed ({PG_BIN}/initdb missing; apt-get install postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = Server()
    yield server
    server.stop()
