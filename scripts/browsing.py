"""What the tests and the benchmark share to drive a browser against a local site: Debian's
headless Chromium with the flags that keep it from calling home, a free local port, and a
Lighthouse run that leaves no browser behind."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def end_group(proc: subprocess.Popen) -> None:
    """End a child started with start_new_session=True, and what it started in its group."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        with suppress(subprocess.TimeoutExpired):
            proc.wait(10)
            return


def end_browsers(profile: Path) -> int:
    """Chromium started by Lighthouse leaves its group: end by id each process using this profile."""
    pids = []
    for entry in Path("/proc").iterdir():
        with suppress(OSError):
            if entry.name.isdigit() and str(profile).encode() in (entry / "cmdline").read_bytes():
                pids.append(int(entry.name))
    for sig in (signal.SIGTERM, signal.SIGKILL) if pids else ():
        for pid in pids:
            with suppress(ProcessLookupError):
                os.kill(pid, sig)
        time.sleep(2)
    return len(pids)


@dataclass
class Lighthouse:
    report: dict | None  # Lighthouse's JSON report, None when it did not finish
    error: str | None
    leftover_processes: int


def lighthouse(tool: Path, url: str, categories: list[str], report: Path, timeout: float, extra=()) -> Lighthouse:
    """One Lighthouse run in a fresh Chromium profile, its report read back; the browser is ended."""
    profile, log = Path(tempfile.mkdtemp(prefix="lighthouse-profile-")), report.with_suffix(".log")
    cmd = [str(tool), url, "--output=json", f"--output-path={report}", "--quiet", "--max-wait-for-load=60000"]
    cmd += [f"--only-categories={','.join(categories)}", *extra]
    cmd += [f"--chrome-flags={' '.join(CHROMIUM_ARGS)} --user-data-dir={profile}"]
    error = None
    with open(log, "wb") as out:
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=out, start_new_session=True)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        error = f"Lighthouse did not finish within {timeout} s"
    finally:
        end_group(proc)
        leftover = end_browsers(profile)
        shutil.rmtree(profile, ignore_errors=True)
    if not error and (proc.returncode or not report.exists()):
        error = f"Lighthouse exited with {proc.returncode}; see {log}"
    data = None if error else json.loads(report.read_text(encoding="utf-8"))
    if data and data.get("runtimeError"):
        error = f"{data['runtimeError'].get('code')}: {data['runtimeError'].get('message')}"
    return Lighthouse(data, error, leftover)
