#!/usr/bin/env bash
# Risk benchmarks (release build): flagship stochastic plan for K = 1, 5, 10, 25, 50 (wall time and peak RSS
# from /usr/bin/time), the deterministic optimize as the peer, yield and evaluate timings.
# Formulation and GLPK-settings studies: swift run -c release stochastic-bench [--rp-settings].
# Usage: swift build -c release --product fabplan && Benchmarks/RiskBench/run.sh [MODEL]
set -euo pipefail
MODEL=${1:-Models/vietnam-2030.yaml}
BIN=.build/release/fabplan
measure() { /usr/bin/time -f "%e s  %M KB" "$@" 2>&1 >/dev/null | tail -1; }
echo "deterministic optimize: $(measure $BIN optimize $MODEL --format json)"
for K in 1 5 10 25 50; do
  echo "stochastic LP K=$K: $(measure $BIN optimize $MODEL --lp --stochastic $K --format json)"
done
for K in 1 5 10 25 50; do
  echo "stochastic MIP K=$K: $(measure $BIN optimize $MODEL --stochastic $K --format json)"
done
echo "stochastic MIP K=50, 1 thread: $(measure $BIN optimize $MODEL --stochastic 50 --threads 1 --format json)"
echo "yield 20000 trials: $(measure $BIN yield $MODEL --trials 20000)"
$BIN optimize $MODEL --format json > /tmp/risk-bench-plan.json
echo "evaluate 20000 trials: $(measure $BIN evaluate $MODEL /tmp/risk-bench-plan.json --trials 20000)"
echo "optimize --risk-trials 2000: $(measure $BIN optimize $MODEL --risk-trials 2000)"
echo "optimize --yield-quantile 0.1: $(measure $BIN optimize $MODEL --yield-quantile 0.1)"
