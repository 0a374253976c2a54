#!/bin/sh
# National-scale figures of Benchmarks/results/planner.md, in one run (release build; HiGHS: pip install highspy).
#   sh Benchmarks/PlannerBench/national.sh
set -e
swift build -c release --product planner-bench
bench=.build/release/planner-bench
# fabplan (GLPK in-process, the planner's settings) and HiGHS (1 thread) on the same exported MPS, size by size.
$bench --national 4x30x50x12,6x40x120x20,10x40x200x20,10x60x400x20 --limit 600
$bench --national 4x30x50x12,6x40x120x20,10x60x400x20 --mip --limit 600
# One planning run per process under a time limit: estimate, wall time, status and peak resident memory.
for size in 4x30x50x12 6x40x120x20 10x60x400x20 2x100x20x200 1x500x20x600; do
  $bench --run $size --limit 20
done
