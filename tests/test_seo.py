"""Lighthouse's SEO category scores 100 on every page type in both editions (mobile, as a
search engine sees the page). The runs share two browsers at a time; each page's result is
its own test, naming the audits below a full score."""

from __future__ import annotations

import concurrent.futures
import shutil

import pytest
from browsing import lighthouse

from sitebuild import PAGES, ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
TIMEOUT = 240  # seconds per run; a run takes about 20 s on two cores

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def seo_reports(base_url, tmp_path_factory) -> dict:
    assert LIGHTHOUSE.exists(), "Lighthouse is missing: run `npm ci --ignore-scripts` (make test does it)"
    assert shutil.which("node"), "node is missing: run `make browser-deps` (make test does it)"
    work = tmp_path_factory.mktemp("lighthouse")

    def run(rel: str):
        report = work / f"{rel.replace('/', '_').replace('.', '_') or 'home'}.json"
        # SEO audits read the page, not its timing: no simulated throttling and no quiet waits.
        extra = ["--throttling-method=provided", "--disable-full-page-screenshot"]
        extra += [f"--{w}=0" for w in ("pause-after-fcp-ms", "pause-after-load-ms", "network-quiet-threshold-ms")]
        return lighthouse(LIGHTHOUSE, f"{base_url}/{rel}", ["seo"], report, TIMEOUT, extra)

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        return dict(zip(PAGES, pool.map(run, PAGES), strict=True))


def _below_full_score(report: dict) -> list[tuple]:
    audits = report["audits"]
    refs = [r["id"] for r in report["categories"]["seo"]["auditRefs"] if r.get("weight", 0) > 0]
    return [(k, audits[k]["score"], audits[k]["title"]) for k in refs if audits[k].get("score") not in (None, 1)]


@pytest.mark.parametrize("rel", PAGES)
def test_lighthouse_seo_is_100(seo_reports, rel):
    run = seo_reports[rel]
    assert run.error is None
    assert run.report["requestedUrl"].endswith(f"/{rel}")
    assert (round(run.report["categories"]["seo"]["score"] * 100), _below_full_score(run.report)) == (100, [])
