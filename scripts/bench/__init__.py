"""The benchmark: build speed at growing corpus sizes, our share of the build, checker
speed, `mkdocs serve` rebuild latency, Lighthouse scores and page weight.

Run with `make bench` (all of it) or `python -m bench --help` for the options. It works
only in temporary copies of the project and rewrites BENCHMARKS.md with the figures."""
