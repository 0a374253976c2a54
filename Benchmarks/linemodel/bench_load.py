#!/usr/bin/env python3
"""Peer for the line-model loading benchmark: PyYAML (libyaml C loader) parsing the same file.

PyYAML only parses and builds dicts; it does not validate. fabplan's loader also pre-scans the text,
walks the tree, checks every value and reference and builds typed values, so the ratio
fabplan / PyYAML is the price of validation plus Swift/Yams overhead.

Usage: bench_load.py FILE [RUNS]   -> prints median / min / p90 milliseconds per load (file read included).
"""
import sys, time, statistics
import yaml

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 200
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
times = []
for _ in range(runs):
    t0 = time.perf_counter()
    with open(path, "rb") as f:
        yaml.load(f.read(), Loader=Loader)
    times.append((time.perf_counter() - t0) * 1e3)
times.sort()
print(f"  PyYAML ({Loader.__name__}) over {runs} runs: median {statistics.median(times):.3f} ms, "
      f"min {times[0]:.3f} ms, p90 {times[min(runs - 1, int(runs * 0.9))]:.3f} ms")
