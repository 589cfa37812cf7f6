"""What the figures were measured on."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def _command(*cmd: str) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "not available"
    lines = [line for line in (out.stdout or out.stderr).splitlines() if line.strip() and not line.startswith("[")]
    return lines[-1].strip() if lines else "not available"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return "unknown"


def describe() -> dict[str, str]:
    from .lighthouse import LIGHTHOUSE
    from .weight import CHROMIUM

    lighthouse = _command(str(LIGHTHOUSE), "--version") if LIGHTHOUSE.exists() else "not installed"
    return {
        "cores": str(os.cpu_count()),
        "cpu": _cpu_model(),
        "memory": _memory_gb(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "mkdocs": _version("mkdocs"),
        "material": _version("mkdocs-material"),
        "pymdown-extensions": _version("pymdown-extensions"),
        "markdown": _version("Markdown"),
        "pyyaml": f"{_version('PyYAML')} (libyaml {'available' if _libyaml() else 'missing'})",
        "jsonschema": _version("jsonschema"),
        "node": _command("node", "--version"),
        "lighthouse": lighthouse,
        "chromium": _command(CHROMIUM, "--version") if Path(CHROMIUM).exists() else "not installed",
    }


def _libyaml() -> bool:
    import yaml

    return bool(getattr(yaml, "__with_libyaml__", False))


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} (1 min), {five:.2f} (5 min)"
