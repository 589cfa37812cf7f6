"""The benchmark: build speed at growing corpus sizes, our share of the build, checker speed,
`mkdocs serve` rebuild latency, Lighthouse scores and page weight (`python -m bench --help`)."""
