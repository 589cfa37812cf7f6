"""Command line: `python -m factcheck check|generate|build`."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import time
from pathlib import Path

from .addresses import lost, read_list
from .cache import FOLDER, OFF
from .load import load_tree
from .permanence import UNRECORDED, record_published
from .problems import WARNING, errors, report
from .scaffold import ScaffoldError, new_claim, new_record
from .translations import stamp
from .validate import check_report, check_tree

ROOT = Path(__file__).resolve().parents[2]


def cmd_check(args) -> int:
    problems, coverage = check_report(args.root, args.today, cache=False if args.no_cache else None)
    failing = errors(problems) or (args.strict and [p for p in problems if p.severity == WARNING])
    *lines, summary = report(problems, args.format).split("\n")
    # One stream, and the summary always last, whether the check passes or fails.
    print(
        "\n".join([*lines, f"translations: {coverage}", summary]),
        file=sys.stderr if failing else sys.stdout,
    )
    return 1 if failing else 0


# The site's modules (the model and the renderers) are imported by the commands that use
# them: `check`, which editors run again and again, does not wait for them.


def cmd_generate(args) -> int:
    from .site import generate

    result = generate(args.root)
    print(report(result.problems), file=sys.stderr if result.site is None else sys.stdout)
    if result.site is None:
        return 1
    print(f"wrote {len(result.written)} changed file(s) into docs/")
    return 0


def cmd_build(args) -> int:
    from .site import check_once

    # Checked once here; the hooks of both editions reuse this check and render once.
    checked = check_once(args.root, args.root / "docs")
    if checked.site is None:
        print(report(checked.problems), file=sys.stderr)
        print("The records have errors; nothing was built.", file=sys.stderr)
        return 1
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    start = time.perf_counter()
    try:
        config = load_config(
            str(args.root / "mkdocs.yml"), strict=True, **({"site_dir": str(args.site_dir)} if args.site_dir else {})
        )
        build(config)
    except MkDocsException as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    print(f"built {config.site_dir} in {time.perf_counter() - start:.2f} s")
    return 0


def cmd_addresses(args) -> int:
    """Record new claims' addresses in published.yaml: the only command that writes it."""
    from .model import build_model

    records, problems = check_tree(args.root)
    blocking = [p for p in errors(problems) if UNRECORDED not in p.message]
    if blocking:
        print(report(blocking), file=sys.stderr)
        print("Fix these first; published.yaml was not changed.", file=sys.stderr)
        return 1
    added = record_published(args.root, build_model(records).claims)
    for claim_id, slug in added:
        print(f"recorded /claims/{slug}/ for claim {claim_id}")
    print("published.yaml: " + ("commit it with your change" if added else "nothing new to record"))
    return 0


def cmd_compare_addresses(args) -> int:
    """Refuse a deploy that would drop an address the previous deployment served."""
    missing = lost(read_list(args.previous), read_list(args.current))
    for address in missing:
        print(f"{address}: served by the previous deployment, missing now", file=sys.stderr)
    if missing:
        print(
            f"{len(missing)} published address(es) would disappear; restore them, or add a redirect "
            "(former_slugs, former_ids or redirects.yaml) before deploying",
            file=sys.stderr,
        )
        return 1
    print(f"all {len(read_list(args.previous))} previously published addresses are still served")
    return 0


def cmd_clean(args) -> int:
    from .site import clean

    removed = clean(args.root)
    print(f"removed {len(removed)} generated path(s) and the built site")
    return 0


def cmd_new(args) -> int:
    try:
        if args.kind == "claim":
            path = new_claim(args.root, args.name, dt.date.today(), args.slug)
        else:
            path = new_record(args.root, args.kind, args.name)
    except ScaffoldError as exc:
        print(f"not written: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {path.relative_to(args.root)}: fill in every TODO, then run `make check`")
    return 0


def cmd_stamp(args) -> int:
    """Record, for each Dutch text, the English text it translates."""
    records, problems = load_tree(args.root)
    wanted = {Path(f).resolve() for f in args.files}
    changed = 0
    for record in records:
        if record.readable and (not wanted or (args.root / record.path).resolve() in wanted):
            text = stamp(args.root, record, only_missing=not args.update)
            if text is not None:
                (args.root / record.path).write_text(text, encoding="utf-8")
                changed += 1
    print(f"stamped {changed} file(s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factcheck", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check every record; exit 1 on any error")
    check.add_argument("--format", choices=["text", "github"], default="text")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="check dates as if today were YYYY-MM-DD (default: today)",
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help=f"read every file afresh and keep nothing in {FOLDER}/ (also: {OFF}=1); the messages are the same",
    )
    check.set_defaults(run=cmd_check)
    sub.add_parser("generate", help="check, then write the generated pages into docs/").set_defaults(run=cmd_generate)
    sub.add_parser("clean", help="remove site/ and every generated page").set_defaults(run=cmd_clean)
    sub.add_parser("addresses", help="record new claim addresses in published.yaml").set_defaults(run=cmd_addresses)
    compare = sub.add_parser(
        "compare-addresses", help="fail if a previously deployed address is missing from a new build"
    )
    compare.add_argument("previous", type=Path, help="data/addresses.json of the previous deployment")
    compare.add_argument("current", type=Path, help="data/addresses.json of the new build")
    compare.set_defaults(run=cmd_compare_addresses)
    build = sub.add_parser("build", help="check, generate and build the site with mkdocs --strict")
    build.add_argument("--site-dir", type=Path, default=None)
    build.set_defaults(run=cmd_build)
    new = sub.add_parser("new", help="start a new record from the template")
    new.add_argument("kind", choices=["claim", "source", "expert", "event"])
    new.add_argument("name", help="a claim's title as commonly repeated, or a source's or expert's key")
    new.add_argument("--slug", help="for a claim: the slug, if not the one made from the title")
    new.set_defaults(run=cmd_new)
    stamp_cmd = sub.add_parser(
        "stamp-translations", help="after checking a Dutch text against the English, record which English it translates"
    )
    stamp_cmd.add_argument("files", nargs="*", help="record files (default: all)")
    stamp_cmd.add_argument(
        "--update", action="store_true", help="also re-stamp stale translations (only after updating them)"
    )
    stamp_cmd.set_defaults(run=cmd_stamp)
    args = parser.parse_args(argv)
    args.root = args.root.resolve()
    return args.run(args)
