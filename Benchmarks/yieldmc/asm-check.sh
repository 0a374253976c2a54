#!/usr/bin/env bash
# Scans the release yieldmc-bench binary for the silent SIMD pitfalls of shared/reference/simd-facts.md §1.3
# inside the Monte Carlo kernels (YieldMC symbols): scalarised rotates (rolq), libm calls for sqrt/fma/floor/
# exp/log, unspecialised generic SIMD calls, and (for the v3 build) whether ymm registers are used.
# Usage: bash Benchmarks/yieldmc/asm-check.sh [.build/release/yieldmc-bench]
set -euo pipefail
bin="${1:-.build/release/yieldmc-bench}"
tmp="$(mktemp)"
objdump -d --no-show-raw-insn "$bin" | awk '
  /^[0-9a-f]+ <.*>:$/ { keep = ($0 ~ /^[0-9a-f]+ <\$s7YieldMC/ && $0 ~ /Xoshiro256x4|simulatePeriod|routeFlow|capacityAndOutput|StatisticsRecorder|LaneMoments|sampleLots|sampleWaferDies|BetaBinomialTable|SumTableLadder|PackedInversionTables|WaferDieTable|PoissonTable|VectorMath|binomial|poisson|erlang|gammaAttempt|runBlock/) }
  keep { print }' > "$tmp"
echo "kernel instructions scanned: $(grep -c '^ ' "$tmp")"
# Expected: rolq 0; fma/sqrt libcalls 0; 'call.*<\$ss' (calls into unspecialised stdlib generics) 0;
# sqrtsd, floor and pow only in scalar setup/report code (PTRS setup, report statistics, NB formula).
for pattern in 'rolq' 'sqrtsd' 'sqrtpd' 'call.*fma@' 'call.*floor@' 'call.*(exp|log|pow)@' 'call.*sqrt@' 'call.*<\$ss' '%ymm' '%zmm'; do
  printf '%-24s %s\n' "$pattern" "$(grep -cE "$pattern" "$tmp" || true)"
done
echo "libm calls and sqrtsd by function:"
awk '/^[0-9a-f]+ <.*>:$/ { name = $2 } /call.*(floor|exp|log|pow|fma|sqrt)@|sqrtsd/ { print name }' "$tmp" | sort | uniq -c | swift demangle --simplified | cut -c1-150
rm -f "$tmp"
