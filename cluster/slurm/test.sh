#!/usr/bin/env bash
# The Slurm test: on a one-node cluster (cluster/slurm/local-cluster.sh), submits the documented job arrays
# (cluster/slurm/submit.sh) for a sweep and a comparison of the flagship in 4 shards, waits for their merges, and
# checks each result is byte-identical to the unsharded run; then fails a shard on purpose and checks that the
# merge names it with a re-run command that works, and that re-running a shard rewrites the same bytes.
#
#   bash cluster/slurm/test.sh          # as root; FABPLAN=path/to/fabplan (default: the debug build)
# It wipes the local cluster first (local-cluster.sh wipe), so every run starts from a fresh state.
#
# Exit 0: every check passed; 1: a check failed; 77: the cluster could not be started (the reason is printed).
# Its last line is the summary: `slurm: N passed, M failed`.
set -uo pipefail
cd "$(dirname "$0")/../.."
cluster=cluster/slurm/local-cluster.sh
FABPLAN=${FABPLAN:-$(swift build --show-bin-path 2>/dev/null)/fabplan}
export FABPLAN=$(realpath "$FABPLAN")
[ -x "$FABPLAN" ] || { echo "slurm: no fabplan executable at $FABPLAN (run swift build first)"; exit 1; }

passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
sl() { "$cluster" exec "$@"; }

# Always from a fresh state: no daemons, no jobs or node state left by an earlier run.
"$cluster" wipe >/dev/null 2>&1 || true
if ! start_log=$("$cluster" start 2>&1); then
  echo "slurm: cannot start the one-node cluster, so the Slurm test did NOT run:"
  echo "$start_log" | sed 's/^/  /'
  exit 77
fi
echo "$start_log"

work=$(mktemp -d /tmp/fabplan-slurm-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
# One CPU per task, so that the 4 tasks of an array share the node's CPUs (2 in CI).
export SBATCH_OPTIONS="--cpus-per-task=1"

# Terminal state of job $1 (waits up to $2 seconds): COMPLETED, FAILED, CANCELLED, ... or NEVER (dependency).
wait_job() {
  local id=$1 limit=$2 line state reason
  for _ in $(seq "$limit"); do
    line=$(sl scontrol show job -o "$id" 2>/dev/null | head -1)
    state=$(sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' <<< "$line")
    reason=$(sed -n 's/.*Reason=\([A-Za-z_]*\).*/\1/p' <<< "$line")
    case $state in
      COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE|PREEMPTED) echo "$state"; return;;
    esac
    [ "$reason" = DependencyNeverSatisfied ] && { echo NEVER; return; }
    sleep 1
  done
  echo TIMEOUT_WAITING
}

# Submits `submit.sh 4 DIR ARGS...`, waits for the merge job; prints its final state.
run_array() {
  local dir=$1; shift
  local ids merge
  ids=$(sl cluster/slurm/submit.sh 4 "$dir" "$@") || { echo SUBMIT_FAILED; return; }
  merge=${ids#* }
  wait_job "$merge" 1800
}

# 1. The documented sweep of the flagship (1,111 points), 4 shards, against the unsharded sweep.
sweep=(sweep Models/vietnam-2030.yaml --vary 'products.fcbga-cpu.demand*=0.5:1.5:0.01' --vary 'budget*=0.5:1.5:0.1')
state=$(run_array "$work/sweep" "${sweep[@]}")
check "sweep: the merge job after a 4-task array ended COMPLETED (got $state)" test "$state" = COMPLETED
"$FABPLAN" "${sweep[@]}" --threads 2 --output "$work/sweep-whole.json" 2>/dev/null
check "sweep: 4 shards merged on Slurm are byte-identical to the unsharded sweep" \
  cmp -s "$work/sweep/result.json" "$work/sweep-whole.json"
check "sweep: 4 shard files written" test "$(ls "$work/sweep/shards" | wc -l)" = 4

# 2. The flagship's five scenarios compared in 4 shards (LP), against the unsharded compare, JSON and table.
compare=(compare Models/vietnam-2030.yaml Models/scenarios/budget-cut.yaml Models/scenarios/demand-plus-30.yaml
         Models/scenarios/fab-year-late.yaml Models/scenarios/late-fab-and-budget-cut.yaml
         Models/scenarios/supplier-lost.yaml --lp)
state=$(run_array "$work/compare" "${compare[@]}" --format json)
check "compare: the merge job ended COMPLETED (got $state)" test "$state" = COMPLETED
"$FABPLAN" "${compare[@]}" --format json --output "$work/compare-whole.json"
check "compare: 4 shards merged on Slurm are byte-identical to the unsharded compare (JSON)" \
  cmp -s "$work/compare/result.json" "$work/compare-whole.json"
check "compare: the merged table is byte-identical to the unsharded table" \
  cmp -s <("$FABPLAN" merge --format table "$work"/compare/shards/shard-*.json) <("$FABPLAN" "${compare[@]}")

# 3. A failed shard: task 3 of a small sweep is cancelled before it runs, so it leaves no file.
small=(sweep Models/vietnam-2030.yaml --vary 'budget*=0.5:1.5:0.1')
ids=$(SBATCH_OPTIONS="$SBATCH_OPTIONS --hold" sl cluster/slurm/submit.sh 4 "$work/failed" "${small[@]}")
array=${ids% *} merge=${ids#* }
sl scancel "${array}_3"
sl scontrol release "$array" >/dev/null 2>&1
sl scontrol release "$merge" >/dev/null 2>&1
state=$(wait_job "$merge" 1800)
check "failed shard: the merge job FAILED (got $state)" test "$state" = FAILED
log=$(cat "$work"/failed/logs/merge-*.log 2>/dev/null)
echo "$log" | sed 's/^/    merge log: /'
# 11 points; shard 3 of 4 holds k % 4 == 2: points 2, 6, 10, so 3 of 11 are missing.
check "failed shard: merge names it (3 of 11 points, shard 3/4)" \
  grep -q "3 of 11 points are missing; missing shards: 3/4" <<< "$log"
rerun=$(sed -n 's/^  re-run shard 3\/4: //p' <<< "$log")
check "failed shard: merge prints a re-run command for it" test -n "$rerun"
check "failed shard: the printed command re-runs it" bash -c "$rerun" 2>/dev/null
check "failed shard: merged after the re-run, byte-identical to the unsharded sweep" \
  cmp -s <("$FABPLAN" merge "$work"/failed/shards/shard-*.json) <("$FABPLAN" "${small[@]}" 2>/dev/null)
# Re-running a task that succeeded, through Slurm as docs/scenarios.md says, rewrites the same bytes.
before=$(sha256sum < "$work/failed/shards/shard-1.json")
id=$(sl sbatch --parsable --cpus-per-task=1 --array=1 --output="$work/failed/logs/rerun-%A_%a.log" \
  cluster/slurm/shard.sbatch 4 "$work/failed/shards" "${small[@]}")
state=$(wait_job "${id%%;*}" 600)
check "re-run: task 1 re-submitted alone ended COMPLETED (got $state)" test "$state" = COMPLETED
check "re-run: shard 1 has the same bytes as before" test "$(sha256sum < "$work/failed/shards/shard-1.json")" = "$before"

echo "slurm: $passed passed, $failed failed"
[ "$failed" = 0 ]
