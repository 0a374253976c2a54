#!/usr/bin/env bash
# Submits a sharded fabplan run to Slurm: a job array of N tasks (cluster/slurm/shard.sbatch), then the merge
# (cluster/slurm/merge.sbatch) once every task has ended. Prints the two job ids: ARRAY_JOB_ID MERGE_JOB_ID.
#
#   cluster/slurm/submit.sh N WORK_DIR sweep MODEL --vary ... [sweep options]
#   cluster/slurm/submit.sh N WORK_DIR compare BASE SCENARIO... [compare options]
#
# Shards go to WORK_DIR/shards/, the merged result to WORK_DIR/result.json, logs to WORK_DIR/logs/. Options for
# both sbatch calls (partition, account, --cpus-per-task for the tasks...) go in SBATCH_OPTIONS, for example
# SBATCH_OPTIONS="--partition=short --cpus-per-task=2". Extra options for the merge (e.g. --format csv) go in
# MERGE_OPTIONS. Tasks run in the directory you submit from: relative model paths are relative to it.
set -euo pipefail
[ $# -ge 4 ] || { echo "usage: $0 N WORK_DIR sweep|compare ARGS..." >&2; exit 64; }
count=$1 work=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work/logs" "$work/shards"
read -r -a options <<< "${SBATCH_OPTIONS:-}"
read -r -a merge_options <<< "${MERGE_OPTIONS:-}"
array=$(sbatch --parsable "${options[@]}" --array="1-$count" --output="$work/logs/shard-%A_%a.log" \
  "$here/shard.sbatch" "$count" "$work/shards" "$@")
array=${array%%;*}
merge=$(sbatch --parsable "${options[@]}" --cpus-per-task=1 --dependency="afterany:$array" \
  --output="$work/logs/merge-%j.log" "$here/merge.sbatch" "$work/shards" "$work/result.json" "${merge_options[@]}")
echo "$array ${merge%%;*}"
