#!/bin/sh
# Line-model loading benchmark: fabplan's validating loader vs PyYAML's C loader, same file, same run.
# Usage (from the package root): Benchmarks/linemodel/run.sh [RUNS]
set -e
RUNS=${1:-200}
swift build -c release --product fabplan >/dev/null
for f in Models/vietnam-2030.yaml Models/teaching-wirebond-qfn.yaml; do
  echo "$f"
  .build/release/fabplan validate "$f" --benchmark-runs "$RUNS" | grep 'load time'
  python3 Benchmarks/linemodel/bench_load.py "$f" "$RUNS"
done
