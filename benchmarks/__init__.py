"""Speed and memory measurements of the portal build: `make bench` runs `benchmarks/run.py`."""
