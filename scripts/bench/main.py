"""`python -m bench`: run the benchmark, print the figures, rewrite BENCHMARKS.md."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import jinja2

from . import measure
from . import search as search_bench
from .corpus import ROOT, copy_real, fingerprint, take_snapshot

DEFAULT_CLAIM = "23-million-barred-from-travel-for-low-points"
TARGET_SIZE = 10_000
SERVE_SIZE = 1_000  # the corpus `make serve` is timed on, beside the real site
PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "PyYAML", "jsonschema")


def _sizes(text: str) -> list[int]:
    return sorted({int(x.replace("_", "")) for x in text.split(",") if x.strip()})


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    add = parser.add_argument
    add("--sizes", type=_sizes, default=[100, 1000, 10000], help="claim counts (default 100,1000,10000)")
    add("--skip-lighthouse", action="store_true", help="no Lighthouse runs, and so no page weight")
    add("--skip-serve", action="store_true", help="no `mkdocs serve` rebuild timing")
    add("--lighthouse-runs", type=int, default=3, help="runs per page; the median is reported")
    add("--serve-edits", type=int, default=3, help="edits per `mkdocs serve` mode (median reported)")
    add(
        "--search-sizes",
        type=_sizes,
        default=[1000],
        help="claim counts for the search comparison (default 1000; '' for none)",
    )
    add("--claim", default=DEFAULT_CLAIM, help="the claim page used for serve and Lighthouse")
    add("--output", type=Path, default=ROOT / "BENCHMARKS.md", help="report file to rewrite")
    add("--no-write", action="store_true", help="print the figures only; leave the report file")
    add("--keep", action="store_true", help="keep the temporary folder (logs, corpora, reports)")
    return parser.parse_args(argv)


@dataclass
class Results:
    date: str
    machine: dict
    load_start: str
    claim: str
    command: str
    code: str = ""  # fingerprint of the measured code (bench.corpus.fingerprint)
    load_end: str = ""
    seconds: float = 0.0
    real_build: measure.Measure | None = None
    lighthouse: dict[str, list[measure.LighthouseRun]] = field(default_factory=dict)
    serve: list[measure.ServeResult] = field(default_factory=list)
    by_size: list[measure.SizeResult] = field(default_factory=list)
    cards: dict | None = None
    search: list[search_bench.SearchComparison] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _command(*cmd: str) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "not available"
    lines = [line for line in (out.stdout or out.stderr).splitlines() if line.strip() and not line.startswith("[")]
    return lines[-1].strip() if lines else "not available"


def _proc_value(file: str, key: str) -> str:
    with suppress(OSError):
        return next(line.split(":", 1)[1].strip() for line in Path(file).open() if line.startswith(key))
    return "unknown"


def machine() -> dict:
    import yaml

    memory = _proc_value("/proc/meminfo", "MemTotal").split()[0]
    return {
        "cores": os.cpu_count(),
        "cpu": _proc_value("/proc/cpuinfo", "model name"),
        "memory": f"{int(memory) / 1024 / 1024:.1f} GB" if memory.isdigit() else memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "versions": {name: version(name) for name in PACKAGES},
        "libyaml": "available" if getattr(yaml, "__with_libyaml__", False) else "missing",
        "node": _command("node", "--version"),
        "lighthouse": _command(str(measure.LIGHTHOUSE), "--version"),
        "chromium": _command(measure.CHROMIUM, "--version"),
    }


def load() -> str:
    return "{:.2f} (1 min), {:.2f} (5 min)".format(*os.getloadavg()[:2])


def log(message: str) -> None:
    print(message, flush=True)


def real_site(work: Path, results: Results, args) -> None:
    """The real project built as `make build` does (both editions, SITE_URL set to where it
    is served), then served with gzip for Lighthouse."""
    port = measure.free_port()
    project = copy_real(work / "real")
    env = {**measure.env(None), "SITE_URL": f"http://127.0.0.1:{port}/"}
    cmd = [sys.executable, "-m", "factcheck", "--root", str(project), "build", "--site-dir", str(project / "site")]
    results.real_build = measure.run_measured(cmd, project, env, work / "real-build.log")
    log(f"real site, `python -m factcheck build` (both editions): {results.real_build.seconds:.1f} s")
    results.cards = measure.social_cards(project)
    log(f"social cards: {results.cards['n']} in {results.cards['seconds']:.1f} s")
    if results.real_build.returncode:
        results.notes.append(f"the real site did not build (exit {results.real_build.returncode})")
        return
    if not (project / "site" / "claims" / args.claim / "index.html").exists():
        results.notes.append(f"no claim page claims/{args.claim}/ in the built site; choose one with --claim")
        return
    why = "--skip-lighthouse" if args.skip_lighthouse else measure.lighthouse_missing()
    if why:
        results.notes.append(f"Lighthouse and page weight not measured ({why})")
        return
    with measure.static_server(project / "site", port) as url:
        for name, path in {"home": "/", "claim": f"/claims/{args.claim}/"}.items():
            results.lighthouse[name] = []
            for i in range(1, args.lighthouse_runs + 1):
                run = measure.lighthouse(url + path, work, f"{name}-{i}")
                results.lighthouse[name].append(run)
                log(f"  lighthouse {name} run {i}: {run.scores or run.error}, {run.total_kb or 0:.1f} KB")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    command = "python -m bench " + " ".join(argv if argv is not None else sys.argv[1:])
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    results = Results(now, machine(), load(), args.claim, command.strip())
    work = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    log(f"benchmark in {work} on {results.machine['cores']} cores, load {results.load_start}")
    if "factcheck" in sys.modules:
        raise SystemExit("factcheck was imported before the snapshot; the benchmark must import it from the snapshot")
    snapshot = take_snapshot(work / "snapshot")
    sys.path.insert(0, str(snapshot / "scripts"))
    os.environ["PYTHONPATH"] = os.pathsep.join([str(snapshot / "scripts"), os.environ.get("PYTHONPATH", "")])
    results.code, checkout = fingerprint(snapshot), fingerprint(ROOT)  # the snapshot holds no requirements.txt
    try:
        real_site(work, results, args)
        for editions in () if args.skip_serve else (None, "en"):
            results.serve.append(measure.measure_serve(work, args.claim, editions, args.serve_edits, log=log))
        for n in args.sizes:
            log(f"{n} claims:")
            results.by_size.append(measure.measure_size(n, work, both=n == max(args.sizes), log=log))
            if n == SERVE_SIZE and not args.skip_serve:
                corpus = work / f"corpus-{n}"
                slug = sorted(corpus.glob("claims/*.yaml"))[0].stem
                results.by_size[-1].serve = measure.measure_serve(work, slug, None, args.serve_edits, log, corpus)
            shutil.rmtree(work / f"corpus-{n}", ignore_errors=True)
        for n in args.search_sizes:
            log(f"search, {n} claims, both editions:")
            results.search.append(search_bench.compare(n, work, log=log))
            shutil.rmtree(work / f"search-{n}", ignore_errors=True)
    finally:
        results.seconds = time.perf_counter() - started
        if fingerprint(ROOT) != checkout:
            results.notes.append(
                "the project's code changed while the benchmark ran; every figure is for the snapshot taken "
                f"at the start (code {results.code}), not for the checkout as it is now"
            )
        results.load_end = load()
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    text = render(results)
    print(text)
    if not args.no_write:
        args.output.write_text(text, encoding="utf-8")
        log(f"wrote {args.output}")
    return 0


def _median(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _weight(run: measure.LighthouseRun) -> dict:
    kinds: dict[str, float] = {}
    for request in run.requests:
        kinds[request["kind"]] = kinds.get(request["kind"], 0) + request["sent"] / 1024
    html = kinds.get("document", 0)
    return {"total": run.total_kb, "html": html, "kinds": sorted(kinds.items(), key=lambda kv: -kv[1]), "run": run}


def _below(page: str, runs: list[measure.LighthouseRun]) -> list[str]:
    """Scored audits below full marks in any run, one line per category."""
    lines = []
    for key, label in measure.CATEGORIES.items():
        seen: dict[str, list] = {}
        for run in runs:
            for audit, score, shown in run.failing.get(key, []):
                seen.setdefault(audit, []).append((score, shown))
        parts = []
        for audit, x in sorted(seen.items()):
            low, high = min(s for s, _ in x), max(s for s, _ in x)
            values = ", ".join(dict.fromkeys(v for _, v in x if v))
            scores = f"{low:.2f}" if low == high else f"{low:.2f}–{high:.2f}"
            parts.append(f"`{audit}` {scores} in {len(x)} of {len(runs)} runs" + (f" ({values})" if values else ""))
        lines += [f"- {page}, {label}: " + "; ".join(parts)] if parts else []
    return lines


def render(results: Results) -> str:
    done = [r for r in results.by_size if not r.build.returncode]
    at = next((r for r in done if r.n == TARGET_SIZE), done[-1] if done else None)
    pages, below = {}, []
    for page, runs in results.lighthouse.items():
        ok = [r for r in runs if not r.error and r.total_kb]
        each = "; ".join(r.error or "/".join(str(r.scores.get(c, "—")) for c in measure.CATEGORIES) for r in runs)
        pages[page] = {
            "runs": runs,
            "scores": {c: _median([r.scores.get(c) for r in runs]) for c in measure.CATEGORIES},
            "each": each,
            "metrics": ", ".join(f"{k} {v}" for k, v in next((r.metrics for r in runs if r.metrics), {}).items()),
            "weight": _weight(ok[0]) if ok else None,
            "error": next((r.error for r in runs if r.error), "no Lighthouse run succeeded"),
        }
        below += _below(page, runs)
    claim = pages.get("claim", {}).get("weight")
    loader, whitespace = (
        jinja2.FileSystemLoader(Path(__file__).parent),
        ("trim_blocks", "lstrip_blocks", "keep_trailing_newline"),
    )
    env = jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, **dict.fromkeys(whitespace, True))
    env.filters.update(
        n="{:,}".format,
        s=lambda x, digits=1: "—" if x is None else f"{x:.{digits}f} s",
        size=lambda mb: f"{mb * 1000:,.0f} KB" if mb < 1 else f"{mb:,.1f} MB",
        verdict=lambda ok: "not measured" if ok is None else ("**met**" if ok else "**missed**"),
        score=lambda x: "—" if x is None else str(round(x)),
        fmt2="{:.2f}".format,
        median=_median,
        pct=lambda x: "—" if x is None else f"{x:.0%}",
        mb=lambda x: "—" if x is None else f"{x:,.0f} MB",
        first_visit=lambda x: "—" if not x else f"{env.filters['size'](x[0])} ({env.filters['size'](x[1])})",
        oneline=lambda text: " ".join(text.split()) + "\n",
    )
    return env.get_template("report.md.j2").render(
        r=results,
        m=results.machine,
        at=at,
        exact=at is not None and at.n == TARGET_SIZE,
        target=TARGET_SIZE,
        done=done,
        steps=[(a, b, (b.build.seconds - a.build.seconds) / (b.n - a.n)) for a, b in zip(done, done[1:], strict=False)],
        pages=pages,
        below=below,
        runs_n=max((len(runs) for runs in results.lighthouse.values()), default=0),
        leftover=sum(r.leftover_processes for runs in results.lighthouse.values() for r in runs),
        gzip_level=measure.GZIP_LEVEL,
        search_queries=search_bench.QUERIES,
        key_delay=search_bench.KEY_DELAY_MS,
        search_runs=search_bench.SEARCHES,
        categories=measure.CATEGORIES,
        claim=claim,
    )
