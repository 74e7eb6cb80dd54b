"""A throwaway PostgreSQL server of a test's own, which the test may stop and start again (the
shared test server must keep running for everyone else). Built with tools/test_postgres.sh."""

from __future__ import annotations

import contextlib
import glob
import os
import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "test_postgres.sh"


def available() -> bool:
    """PostgreSQL's programs are installed (the script would install them, as root, otherwise)."""
    return bool(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ThrowawayServer:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self.url = ""

    def _pg_ctl(self, *arguments: str) -> None:
        [bindir] = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1:]
        command = [f"{bindir}/pg_ctl", "-D", str(self.folder / "data"), *arguments]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def create(self) -> str:
        result = subprocess.run(
            ["bash", str(SCRIPT), "start", str(self.folder), str(self.port)],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        self.url = result.stdout.strip().splitlines()[-1]
        return self.url

    def stop(self) -> None:
        """As the server going away under the desks: every session is cut ("fast": what was
        committed stays, though the cluster runs with synchronous_commit off)."""
        self._pg_ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        self._pg_ctl(
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
            "-o",
            f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off",
        )

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # stopped already
            self._pg_ctl("-m", "immediate", "-w", "stop")
