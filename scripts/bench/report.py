"""The figures as Markdown: the targets table first, then the details and the method."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from .builds import SizeResult
from .lighthouse import CATEGORIES, LighthouseRun
from .procs import Measure
from .serve import ServeResult
from .weight import Weight

TARGET_SIZE = 10_000
CATEGORY_NAMES = {
    "performance": "performance",
    "accessibility": "accessibility",
    "best-practices": "best practices",
    "seo": "SEO",
}


@dataclass
class Results:
    date: str
    machine: dict
    load_start: str
    sizes: list[int]
    claim: str
    command: str
    code: str = ""  # fingerprint of the measured code (bench.corpus.fingerprint)
    load_end: str = ""
    seconds: float = 0.0
    real_build: Measure | None = None
    compression: str = "not measured"
    weights: dict[str, Weight] = field(default_factory=dict)
    lighthouse: dict[str, list[LighthouseRun]] = field(default_factory=dict)
    serve: list[ServeResult] = field(default_factory=list)
    by_size: list[SizeResult] = field(default_factory=list)
    profile: tuple | None = None  # (claims, seconds, rows, text)
    notes: list[str] = field(default_factory=list)


def _n(n: int) -> str:
    return f"{n:,}"


def _s(seconds: float | None, digits: int = 1) -> str:
    return "—" if seconds is None else f"{seconds:.{digits}f} s"


def _verdict(ok: bool | None) -> str:
    return "not measured" if ok is None else ("**met**" if ok else "**missed**")


def _at_target(results: Results) -> tuple[SizeResult | None, str]:
    """The result at 10,000 claims, or the largest size with a note."""
    done = [r for r in results.by_size if not r.build.returncode]
    exact = next((r for r in done if r.n == TARGET_SIZE), None)
    if exact:
        return exact, ""
    if done:
        return done[-1], f" (measured at {_n(done[-1].n)} claims, not {_n(TARGET_SIZE)})"
    return None, ""


def lighthouse_median(runs: list[LighthouseRun], category: str) -> int | None:
    scores = [r.scores[category] for r in runs if category in r.scores]
    return round(statistics.median(scores)) if scores else None


def targets(results: Results) -> list[tuple[str, str, str, str]]:
    rows = []
    at, note = _at_target(results)
    exact = at is not None and at.n == TARGET_SIZE
    build_ok = at.build.seconds < 60 if at and exact else None
    rows.append(
        (
            f"Build, {_n(TARGET_SIZE)} claims, English only, `mkdocs build --strict`{note}",
            "under 60 s",
            _s(at.build.seconds) if at else "—",
            _verdict(build_ok),
        )
    )
    share = at.share if at else None
    rows.append(
        (
            f"Our share of that build: (ours − plain MkDocs) / ours{note}",
            "under 15%",
            "—" if share is None else f"{share:.0%}",
            _verdict(None if share is None or not exact else share < 0.15),
        )
    )
    check = at.check_s if at else None
    rows.append(
        (
            f"Checker `check_tree`, {_n(TARGET_SIZE)} claims{note}",
            "under 3 s",
            _s(check),
            _verdict(None if check is None or not exact else check < 3),
        )
    )
    for page in ("home", "claim"):
        runs = results.lighthouse.get(page, [])
        for category in CATEGORIES:
            score = lighthouse_median(runs, category)
            wanted = 95 if category == "performance" else 100
            rows.append(
                (
                    f"Lighthouse {CATEGORY_NAMES[category]}, {page} page (mobile)",
                    f"{wanted}+" if wanted < 100 else "100",
                    "—" if score is None else str(score),
                    _verdict(None if score is None else score >= wanted),
                )
            )
    weight = results.weights.get("claim")
    ok = weight is not None and not weight.error
    rows.append(
        (
            "Claim page weight, first visit, everything loaded, gzip",
            "under 150 KB",
            f"{weight.total_kb:.1f} KB" if ok else "—",
            _verdict(weight.total_kb < 150 if ok else None),
        )
    )
    rows.append(
        (
            "Claim page HTML alone, gzip",
            "under 30 KB",
            f"{weight.html_kb:.1f} KB" if ok else "—",
            _verdict(weight.html_kb < 30 if ok else None),
        )
    )
    return rows


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
    return out + ["| " + " | ".join(r) + " |" for r in rows]


def _growth(by_size: list[SizeResult]) -> list[str]:
    """Linear growth means the same extra time for every extra claim, at every size."""
    done = [r for r in by_size if not r.build.returncode]
    if len(done) < 2:
        return ["(Growth needs at least two sizes.)"]
    steps = list(zip(done, done[1:], strict=False))
    margins = [(b.build.seconds - a.build.seconds) / (b.n - a.n) for a, b in steps]
    rows = [
        [
            f"{_n(a.n)} → {_n(b.n)}",
            f"{m * 1000:.1f} ms",
            f"{b.n / a.n:.0f}×",
            f"{b.build.seconds / a.build.seconds:.1f}×",
        ]
        for (a, b), m in zip(steps, margins, strict=True)
    ]
    lines = _table(["step", "extra time per extra claim", "claims ×", "build time ×"], rows)
    first, last = done[0], done[-1]
    text = (
        f"Seconds per claim: {first.build.seconds / first.n:.3f} s at {_n(first.n)} claims, "
        f"{last.build.seconds / last.n:.3f} s at {_n(last.n)} (fixed start-up costs weigh less as claims grow). "
    )
    if len(margins) > 1 and margins[0] > 0:
        ratio = margins[-1] / margins[0]
        shape = (
            "about linear" if 0.8 <= ratio <= 1.25 else ("worse than linear" if ratio > 1.25 else "better than linear")
        )
        text += (
            f"One more claim costs {margins[-1] * 1000:.1f} ms in the last step against {margins[0] * 1000:.1f} ms "
            f"in the first (ratio {ratio:.2f}): growth is {shape}."
        )
    parts = [r for r in (first, last) if r.plain and r.generate_s is not None]
    if len(parts) == 2 and first is not last:
        a, b = parts
        ours_a, ours_b = a.build.seconds - a.plain.seconds, b.build.seconds - b.plain.seconds
        if ours_a > 0:
            text += (
                f" From {_n(a.n)} to {_n(b.n)} claims ({b.n / a.n:.0f}×), plain MkDocs grows "
                f"{b.plain.seconds / a.plain.seconds:.1f}× and our part (build − plain) {ours_b / ours_a:.1f}×."
            )
    return lines + ["", " ".join(text.split())]


def render(results: Results) -> str:
    m = results.machine
    out = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m bench`, code in `scripts/bench/`); every run rewrites this file.",
        "The figures come from one run on the machine below; they vary by a few per cent from run to run,",
        "Lighthouse performance by a few points.",
        "",
        f"- Run: {results.date}, took {results.seconds / 60:.1f} min (`{results.command.strip()}`); "
        f"code measured: `{results.code}` (a hash of `scripts/factcheck/`, `schemas/`, `docs/overrides/`, "
        "the MkDocs configurations and `requirements.txt`, from a snapshot taken at the start)",
        f"- Machine: {m['cores']} cores ({m['cpu']}), {m['memory']} memory, {m['os']}; "
        f"load average {results.load_start} at the start, {results.load_end} at the end",
        f"- Python {m['python']}, MkDocs {m['mkdocs']}, Material {m['material']}, "
        f"pymdown-extensions {m['pymdown-extensions']}, Markdown {m['markdown']}, PyYAML {m['pyyaml']}, "
        f"jsonschema {m['jsonschema']}",
        f"- Node {m['node']}, Lighthouse {m['lighthouse']}, {m['chromium']}",
        "",
        "## Targets",
        "",
    ]
    out += _table(["what", "target", "measured", "result"], [list(r) for r in targets(results)])
    out += ["", "Figures without a target:", ""]
    free = []
    for s in results.serve:
        free.append(
            [
                f"`mkdocs serve`: save of one claim → page shows it, {s.mode}",
                f"median {_s(s.median, 2)}" + (f" ({s.error})" if s.error else ""),
            ]
        )
    at, _ = _at_target(results)
    if at:
        free.append([f"Peak memory of the {_n(at.n)}-claim build", f"{at.build.peak_rss_mb:,.0f} MB"])
        if at.generate_s is not None:
            free.append([f"Our check + generation alone, {_n(at.n)} claims, in-process", _s(at.generate_s)])
    if results.real_build:
        free.append(
            [
                "Real site (25 claims), `python -m factcheck build` as `make build`, both editions",
                f"{_s(results.real_build.seconds)}, peak {results.real_build.peak_rss_mb:,.0f} MB",
            ]
        )
    out += _table(["what", "measured"], free)
    if results.notes:
        out += ["", "Notes from this run:", ""] + [f"- {n}" for n in results.notes]
    out += _sizes_section(results) + _check_section(results) + _serve_section(results)
    out += _lighthouse_section(results) + _weight_section(results) + _method(results)
    return "\n".join(out) + "\n"


def _sizes_section(results: Results) -> list[str]:
    out = ["", "## Build speed by corpus size (English only, `--strict`)", ""]
    rows = []
    for r in results.by_size:
        c = r.corpus
        rows.append(
            [
                _n(r.n),
                f"{_n(c['sources'])} / {_n(c['experts'])} / {c['categories']}",
                f"{c['claim_bytes'] / 1e6:.1f} MB",
                _s(r.build.seconds) + ("" if not r.build.returncode else f" (failed, exit {r.build.returncode})"),
                f"{r.build.seconds / r.n * 1000:.1f} ms",
                f"{r.build.peak_rss_mb:,.0f} MB",
                _s(r.plain.seconds) if r.plain else "—",
                f"{r.plain.peak_rss_mb:,.0f} MB" if r.plain else "—",
                "—" if r.share is None else f"{r.share:.0%}",
                _s(r.generate_s),
                _s(r.check_s),
                "—" if r.pages_html is None else _n(r.pages_html),
                "—" if r.site_mb is None else f"{r.site_mb:,.0f} MB",
                _mb(r.first_visit.get("search/search_index.json")),
                _mb(r.first_visit.get("sitemap.xml")),
            ]
        )
    out += _table(
        [
            "claims",
            "sources / experts / categories",
            "claim YAML",
            "our build",
            "per claim",
            "peak RSS",
            "plain MkDocs",
            "its peak RSS",
            "our share",
            "check + generate (in-process)",
            "of which check",
            "HTML pages",
            "site size",
            "search index (gzip)",
            "sitemap.xml (gzip)",
        ],
        rows,
    )
    out += ["", "Growth:", ""] + _growth(results.by_size)
    out += _breakdown(results)
    largest = next((r for r in reversed(results.by_size) if r.first_visit), None)
    index = largest.first_visit.get("search/search_index.json") if largest else None
    if index:
        ratio = _real_index_ratio(results)
        guess = f", about {_size(index[0] * ratio)} at the real site's ratio" if ratio else ""
        out += [
            "",
            f"Material fetches the whole search index on every first visit (see page weight below). At "
            f"{_n(largest.n)} claims it is {_size(index[0])}; the gzip sizes in the table are too low for real "
            "text, because the synthetic copies of one claim sit side by side in the index and compress "
            f"against each other (real text compresses about {1 / ratio if ratio else 5:.0f}×{guess}).",
        ]
    return out


def _real_index_ratio(results: Results) -> float | None:
    for weight in results.weights.values():
        for item in weight.items:
            if item.path.endswith("search/search_index.json") and item.raw:
                return item.sent / item.raw
    return None


def _breakdown(results: Results) -> list[str]:
    """Where the time of the largest build goes."""
    r = next(
        (r for r in reversed(results.by_size) if r.plain and r.generate_s is not None and r.share is not None), None
    )
    if r is None:
        return []
    rendering = r.generate_s - r.check_s
    rest = r.build.seconds - r.generate_s - r.plain.seconds
    rows = [
        ["our check (`check_tree`)", _s(r.check_s), f"{r.check_s / r.build.seconds:.0%}"],
        [
            f"our page generation (model, render {'English' if r.generate_en_only else 'every edition'}, write)",
            _s(rendering),
            f"{rendering / r.build.seconds:.0%}",
        ],
        [
            "MkDocs + Material on the generated Markdown (plain build)",
            _s(r.plain.seconds),
            f"{r.plain.seconds / r.build.seconds:.0%}",
        ],
        ["the rest (hook: fragments, sitemap stubs; noise)", _s(rest), f"{rest / r.build.seconds:.0%}"],
    ]
    return [
        "",
        f"Where the {_n(r.n)}-claim build's {_s(r.build.seconds)} go (from the separate measurements):",
        "",
    ] + _table(["part", "seconds", "share"], rows)


def _size(mb: float) -> str:
    return f"{mb * 1000:,.0f} KB" if mb < 1 else f"{mb:,.1f} MB"


def _mb(sizes: tuple | None) -> str:
    return "—" if not sizes else f"{_size(sizes[0])} ({_size(sizes[1])})"


def _check_section(results: Results) -> list[str]:
    out = ["", "## Checking speed", ""]
    rows = [
        [_n(r.n), _s(r.check_s, 2), f"{r.check_s / r.n * 1000:.1f} ms"]
        for r in results.by_size
        if r.check_s is not None
    ]
    out += _table(["claims", "`check_tree`", "per claim"], rows)
    if results.profile:
        n, seconds, by_own, by_cumulative = results.profile
        out += [
            "",
            f"Profile (cProfile) of `check_tree` on {_n(n)} claims, {seconds:.1f} s under the profiler. "
            "The project's functions, and the YAML calls they make, by cumulative time:",
            "",
        ]
        out += _profile_table(by_cumulative)
        cumulative = {name.split("(")[-1].rstrip(")"): ct for name, _, ct, _ in by_cumulative}
        if cumulative.get("check_tree") and "load_tree" in cumulative:
            out += [
                "",
                f"Reading the files (`load_tree`, YAML to records with line numbers) is "
                f"{cumulative['load_tree'] / cumulative['check_tree']:.0%} of the check.",
            ]
        out += ["", "All functions by their own time:", ""] + _profile_table(by_own)
    return out


def _profile_table(rows: list[tuple]) -> list[str]:
    return _table(
        ["function", "own time", "cumulative", "calls"],
        [[f"`{name}`", f"{tt:.2f} s", f"{ct:.2f} s", _n(nc)] for name, tt, ct, nc in rows],
    )


def _serve_section(results: Results) -> list[str]:
    if not results.serve:
        return []
    out = [
        "",
        f"## `mkdocs serve`: one edited claim (`claims/{results.claim}.yaml`, one word of `claim.en`)",
        "",
    ]
    rows = []
    for s in results.serve:
        rows.append(
            [
                s.mode,
                _s(s.startup_s),
                ", ".join(f"{x:.2f}" for x in s.latencies) or "—",
                _s(s.median, 2),
                s.error or "",
            ]
        )
    out += _table(["editions", "first page served after", "save → page shows it (s)", "median", "error"], rows)
    return out


def _lighthouse_section(results: Results) -> list[str]:
    if not results.lighthouse:
        return []
    out = ["", "## Lighthouse (mobile, default throttling)", ""]
    runs_n = max(len(v) for v in results.lighthouse.values())
    out.append(f"Median of {runs_n} run(s) per page; the site served with compression {results.compression}.")
    out.append("")
    rows = []
    for page, runs in results.lighthouse.items():
        scores = [lighthouse_median(runs, c) for c in CATEGORIES]
        each = "; ".join(
            "/".join(str(r.scores.get(c, "—")) for c in CATEGORIES) if not r.error else r.error for r in runs
        )
        metrics = next((r.metrics for r in runs if r.metrics), {})
        rows.append(
            [
                page,
                *["—" if s is None else str(s) for s in scores],
                each,
                ", ".join(f"{k} {v}" for k, v in metrics.items()),
            ]
        )
    out += _table(
        ["page", "performance", "accessibility", "best practices", "SEO", "each run (P/A/BP/SEO)", "metrics (1st run)"],
        rows,
    )
    below = []
    for page, runs in results.lighthouse.items():
        for category in CATEGORIES:
            audits: dict[str, list] = {}
            for r in runs:
                for audit, score, shown in r.failing.get(category, []):
                    audits.setdefault(audit, []).append((score, shown))
            if audits:
                parts = []
                for audit, seen in sorted(audits.items()):
                    low, high = min(x for x, _ in seen), max(x for x, _ in seen)
                    scores = f"{low:.2f}" if low == high else f"{low:.2f}–{high:.2f}"
                    values = ", ".join(dict.fromkeys(v for _, v in seen if v))
                    parts.append(
                        f"`{audit}` {scores} in {len(seen)} of {len(runs)} runs" + (f" ({values})" if values else "")
                    )
                below.append(f"- {page}, {CATEGORY_NAMES[category]}: " + "; ".join(parts))
    if below:
        out += ["", "Scored audits below full marks (score 0 to 1):", ""] + below
    leftover = sum(r.leftover_processes for runs in results.lighthouse.values() for r in runs)
    out += ["", f"Browser processes still running after Lighthouse and ended by process id: {leftover}."]
    return out


def _weight_section(results: Results) -> list[str]:
    if not results.weights:
        return []
    out = ["", "## Page weight, first visit (gzip)", ""]
    rows = []
    for page, w in results.weights.items():
        if w.error:
            rows.append([page, "—", "—", w.error])
            continue
        kinds = ", ".join(f"{k} {v:.1f}" for k, v in w.kb_by_kind().items())
        rows.append([page, f"{w.total_kb:.1f} KB", f"{w.html_kb:.1f} KB", kinds])
    out += _table(["page", "total", "HTML", "by kind (KB)"], rows)
    claim = results.weights.get("claim")
    if claim and not claim.error:
        out += ["", f"Every file of the claim page (`{claim.url}`):", ""]
        out += _table(
            ["file", "kind", "size", "sent (gzip)", "how"],
            [[f"`{i.path}`", i.kind, f"{i.raw / 1024:.1f} KB", f"{i.sent / 1024:.1f} KB", i.how] for i in claim.items],
        )
        if claim.other_hosts:
            out += ["", "Requests to other hosts: " + ", ".join(claim.other_hosts)]
        runs = results.lighthouse.get("claim", [])
        lh = [r.total_byte_weight_kb for r in runs if r.total_byte_weight_kb is not None]
        if lh:
            out += [
                "",
                f"Lighthouse's own count for the claim page (`total-byte-weight`, transfer sizes with headers): "
                f"{statistics.median(lh):.1f} KB.",
            ]
    return out


def _method(results: Results) -> list[str]:
    return [
        "",
        "## Running it",
        "",
        "`make bench` runs everything (about 11 minutes on this machine, most of it the 10,000-claim "
        'builds). Options go in `ARGS`, for example `make bench ARGS="--sizes 100,1000 --skip-lighthouse"`: '
        "`--sizes` (claim counts), `--skip-lighthouse`, `--skip-weight`, `--skip-serve`, `--skip-plain`, "
        "`--lighthouse-runs`, `--serve-edits`, `--profile-size`, `--claim` (the claim page to use), "
        "`--no-write` (print only), `--keep` (keep the temporary folder with the logs and Lighthouse "
        "reports). It works only in temporary copies and talks only to 127.0.0.1.",
        "",
        "## Method",
        "",
        "- **Synthetic corpora.** Each claim is one of the real claims (in turn) with a new id, slug and "
        "claim text (`… (No. n).`, Dutch kept current with `nl_source`), so records have the real size and "
        "shape: both languages, appearances with annotations, rebuttals with quotes, long explanations. "
        "Each group of 25 claims cites its own copy of the sources it needs (about three sources per claim, "
        "as in the real records); experts get a new copy every 250 claims; categories and verdicts are the "
        "real ones. The records pass the checker (warnings only: sources without an archived copy, "
        "copied from the real records). The project copy holds `mkdocs.yml`, `mkdocs.nl.yml`, "
        "`verdicts.yaml`, `docs/` without generated folders, `scripts/` and `schemas/`.",
        "- **Our build**: `python -m mkdocs build --strict` with `FACTCHECK_EDITIONS=en`, in a fresh process, "
        "from a `docs/` without generated pages. Wall time; peak memory is that process's maximum resident "
        "set size (`os.wait4`).",
        "- **Plain MkDocs**: after our build, the same `docs/` (now holding the generated Markdown) built with "
        "a copy of `mkdocs.yml` without `hooks:`; the `<!-- factcheck:NAME -->` markers stay unfilled "
        "comments. Our share = (our build − plain) / our build.",
        "- **Check + generate**: `factcheck.site.generate` called in-process on the same corpus with the "
        "generated folders removed first; the `check_tree` time is that of the call inside it. "
        + (
            'Only the English edition is rendered (`languages=("en",)`), as in the build it is compared with.'
            if any(r.generate_en_only for r in results.by_size)
            else "This version of `generate` renders every edition, even when only English is built."
        ),
        "- **`mkdocs serve`**: a copy of the real project, served on a free 127.0.0.1 port; one word of "
        "`claim.en` replaced per edit, then the page polled every 50 ms until it shows the word. "
        "MkDocs serves nothing while it rebuilds, so this includes the whole rebuild (both editions by "
        "default).",
        "- **Lighthouse**: `node_modules/.bin/lighthouse` with `CHROME_PATH=/usr/bin/chromium`, mobile "
        "defaults, categories performance, accessibility, best practices and SEO, a fresh `--user-data-dir` "
        "per run, a time limit per run; browser processes left with that profile are ended by process id. "
        "The site is the real one built by `python -m factcheck build` (what `make build` runs) with "
        "`SITE_URL` set to the address it is served from, served by `scripts/bench/staticserver.py`.",
        "- **Page weight**: a fresh headless Chromium profile loads the page and waits for the network to "
        "go idle (plus 3 s); the static server records every response body as sent (gzip level 6), "
        "including requests made by Material's search worker. Files the HTML references but the browser "
        "did not fetch (such as the favicon) are added, compressed the same way.",
    ]
