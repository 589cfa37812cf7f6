"""Lighthouse 12 (mobile, default throttling) on pages of the built site. Each run gets its
own Chromium profile folder and a time limit; afterwards every process still using that
folder is ended by its process id."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .procs import end_group, end_pids, pids_using
from .weight import CHROMIUM, FLAGS

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUN_TIMEOUT = 240
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}


@dataclass
class LighthouseRun:
    url: str
    scores: dict[str, int] = field(default_factory=dict)
    metrics: dict[str, str] = field(default_factory=dict)
    failing: dict[str, list[tuple]] = field(default_factory=dict)  # category → (audit, score, value) below 1
    total_byte_weight_kb: float | None = None
    requests: list[tuple[str, int]] = field(default_factory=list)  # (url, transfer bytes)
    version: str = ""
    error: str | None = None
    leftover_processes: int = 0


def available() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if not LIGHTHOUSE.exists():
        return f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `npm install --ignore-scripts`"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing: run `make browser-deps`"
    if not shutil.which("node"):
        return "node is not installed"
    return None


def run(url: str, out_dir: Path, name: str) -> LighthouseRun:
    result = LighthouseRun(url)
    profile = Path(tempfile.mkdtemp(prefix="bench-lh-profile-"))
    report = out_dir / f"lighthouse-{name}.json"
    flags = " ".join(FLAGS + [f"--user-data-dir={profile}"])
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={flags}",
        "--max-wait-for-load=60000",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    with open(out_dir / f"lighthouse-{name}.log", "wb") as log:
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            proc.wait(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            result.error = f"Lighthouse did not finish within {RUN_TIMEOUT} s"
        finally:
            end_group(proc)
            result.leftover_processes = end_pids(pids_using(str(profile)))
            shutil.rmtree(profile, ignore_errors=True)
    if result.error:
        return result
    if proc.returncode or not report.exists():
        result.error = f"Lighthouse exited with {proc.returncode}; see {out_dir / f'lighthouse-{name}.log'}"
        return result
    _read(json.loads(report.read_text(encoding="utf-8")), result)
    return result


def _read(data: dict, result: LighthouseRun) -> None:
    result.version = data.get("lighthouseVersion", "")
    if data.get("runtimeError"):
        result.error = f"{data['runtimeError'].get('code')}: {data['runtimeError'].get('message')}"
    audits = data["audits"]
    for key in CATEGORIES:
        category = data["categories"].get(key)
        if not category or category.get("score") is None:
            continue
        result.scores[key] = round(category["score"] * 100)
        below = []
        for ref in category["auditRefs"]:
            audit = audits.get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                shown = (audit.get("displayValue") or "").replace("\u00a0", " ")
                below.append((ref["id"], audit["score"], shown))
        result.failing[key] = below
    for key, label in METRICS.items():
        if key in audits and audits[key].get("displayValue"):
            result.metrics[label] = audits[key]["displayValue"].replace("\u00a0", " ")
    weight = audits.get("total-byte-weight", {}).get("numericValue")
    result.total_byte_weight_kb = weight / 1024 if weight is not None else None
    items = audits.get("network-requests", {}).get("details", {}).get("items", [])
    result.requests = [(i.get("url", ""), int(i.get("transferSize") or 0)) for i in items]
