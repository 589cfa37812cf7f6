"""`python -m bench`: run the benchmark, print the figures, rewrite BENCHMARKS.md."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import builds, lighthouse, machine, report, serve
from .corpus import ROOT, copy_real, fingerprint, take_snapshot
from .procs import free_port, run_measured
from .staticserver import GZIP_LEVEL, StaticServer
from .weight import page_weight

DEFAULT_CLAIM = "23-million-barred-from-travel-for-low-points"


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(x.replace("_", "")) for x in text.split(",") if x.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError("give whole numbers separated by commas, e.g. 100,1000,10000") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be 1 or more")
    return sizes


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--sizes", type=_sizes, default=[100, 1000, 10000], help="claim counts (default 100,1000,10000)"
    )
    parser.add_argument("--skip-lighthouse", action="store_true", help="no Lighthouse runs")
    parser.add_argument("--skip-weight", action="store_true", help="no page weight (needs Chromium)")
    parser.add_argument("--skip-serve", action="store_true", help="no `mkdocs serve` rebuild timing")
    parser.add_argument("--skip-plain", action="store_true", help="no plain-MkDocs comparison build")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="runs per page; the median is reported")
    parser.add_argument("--serve-edits", type=int, default=3, help="edits per `mkdocs serve` mode (median reported)")
    parser.add_argument("--profile-size", type=int, default=500, help="claims for the checker profile (0: none)")
    parser.add_argument("--claim", default=DEFAULT_CLAIM, help="the claim page used for serve, Lighthouse, weight")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md", help="report file to rewrite")
    parser.add_argument("--no-write", action="store_true", help="print the figures only; leave the report file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, corpora, reports)")
    return parser.parse_args(argv)


def log(message: str) -> None:
    print(message, flush=True)


def real_site(work: Path, results: report.Results, args) -> None:
    """The real project built as `make build` does (both editions, SITE_URL set to where
    it is served), then served compressed for page weight and Lighthouse."""
    port = free_port()
    project = copy_real(work / "real")
    env = {**builds.env(None), "SITE_URL": f"http://127.0.0.1:{port}/"}
    cmd = [sys.executable, "-m", "factcheck", "--root", str(project), "build", "--site-dir", str(project / "site")]
    results.real_build = run_measured(cmd, project, env, work / "real-build.log", builds.BUILD_TIMEOUT)
    log(f"real site, `python -m factcheck build` (both editions): {results.real_build.seconds:.1f} s")
    if results.real_build.returncode:
        results.notes.append(f"the real site did not build (exit {results.real_build.returncode})")
        return
    site = project / "site"
    if not (site / "claims" / args.claim / "index.html").exists():
        results.notes.append(f"no claim page claims/{args.claim}/ in the built site; choose one with --claim")
        return
    pages = {"home": "/", "claim": f"/claims/{args.claim}/"}
    with StaticServer(site, port, compress=True) as server:
        results.compression = f"on: gzip level {GZIP_LEVEL}, on the fly, for HTML, CSS, JS, JSON, XML and SVG"
        if not args.skip_weight:
            for name, path in pages.items():
                results.weights[name] = page_weight(server, site, path)
                w = results.weights[name]
                log(
                    f"  weight {name}: {w.total_kb:.1f} KB total, HTML {w.html_kb:.1f} KB"
                    + (f" {w.error}" if w.error else "")
                )
        why = lighthouse.available()
        if args.skip_lighthouse:
            results.notes.append("Lighthouse skipped (--skip-lighthouse)")
        elif why:
            results.notes.append(f"Lighthouse not run: {why}")
        else:
            for name, path in pages.items():
                runs = []
                for i in range(1, args.lighthouse_runs + 1):
                    runs.append(lighthouse.run(server.url.rstrip("/") + path, work, f"{name}-{i}"))
                    r = runs[-1]
                    log(f"  lighthouse {name} run {i}: {r.scores or r.error}")
                results.lighthouse[name] = runs


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    results = report.Results(
        date=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        machine=machine.describe(),
        load_start=machine.load(),
        sizes=args.sizes,
        claim=args.claim,
        command="python -m bench " + " ".join(argv if argv is not None else sys.argv[1:]),
    )
    work = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    log(f"benchmark in {work} on {results.machine['cores']} cores, load {results.load_start}")
    if "factcheck" in sys.modules:
        raise SystemExit("factcheck was imported before the snapshot; the benchmark must import it from the snapshot")
    snapshot = take_snapshot(work / "snapshot")
    sys.path.insert(0, str(snapshot / "scripts"))
    os.environ["PYTHONPATH"] = os.pathsep.join([str(snapshot / "scripts"), os.environ.get("PYTHONPATH", "")])
    results.code = fingerprint(snapshot)
    try:
        real_site(work, results, args)
        if not args.skip_serve:
            for editions in (None, "en"):
                results.serve.append(serve.measure_serve(work, args.claim, editions, args.serve_edits, log=log))
        for n in args.sizes:
            log(f"{n} claims:")
            results.by_size.append(builds.measure_size(n, work, plain=not args.skip_plain, log=log))
            shutil.rmtree(work / f"corpus-{n}" / "docs", ignore_errors=True)
            if n != args.profile_size:
                shutil.rmtree(work / f"corpus-{n}", ignore_errors=True)
        if args.profile_size:
            log(f"profiling the checker on {args.profile_size} claims")
            results.profile = (args.profile_size, *builds.profile_check(args.profile_size, work))
    finally:
        results.seconds = time.perf_counter() - started
        if fingerprint(ROOT) != results.code:
            results.notes.append(
                "the project's code changed while the benchmark ran; every figure is for the snapshot taken "
                f"at the start (code {results.code}), not for the checkout as it is now"
            )
        results.load_end = machine.load()
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    text = report.render(results)
    print(text)
    if not args.no_write:
        args.output.write_text(text, encoding="utf-8")
        log(f"wrote {args.output}")
    return 0
