#!/usr/bin/env bash
# Checks the Kubernetes manifests offline, since no cluster runs here:
#  1. every manifest against the Kubernetes API schema bundled in the PyPI package kubernetes-validate (strict:
#     unknown fields are errors);
#  2. the indexed Job's `completions` equals the N of its `--shard .../N`;
#  3. the first and the last pod's command, run here by /bin/sh with JOB_COMPLETION_INDEX set as Kubernetes sets
#     it (/models -> Models/, /results -> a temporary folder, fabplan -> $FABPLAN), writes shards 1/N and N/N,
#     and `fabplan merge` of those two names exactly the N-2 others as missing.
# Last line: `kubernetes: N passed, M failed`; exit 1 on a failure, 77 (nothing checked) without the schema
# checker. .ci/setup installs kubernetes-validate into
# /var/tmp/fabplan-ci-python (override with KUBERNETES_VALIDATE=path).
set -uo pipefail
cd "$(dirname "$0")/../.."
validator=${KUBERNETES_VALIDATE:-/var/tmp/fabplan-ci-python/bin/kubernetes-validate}
[ -x "$validator" ] || validator=$(command -v kubernetes-validate || true)
python=$(dirname "$validator")/python
[ -x "$python" ] || python=python3
FABPLAN=${FABPLAN:-$(swift build --show-bin-path 2>/dev/null)/fabplan}
passed=0 failed=0
check() { local what=$1; shift; if "$@"; then echo "ok - $what"; passed=$((passed + 1)); else echo "not ok - $what"; failed=$((failed + 1)); fi; }

if [ -z "$validator" ]; then
  echo "kubernetes: kubernetes-validate is not installed (bash .ci/setup installs it), so the manifests were NOT checked"
  exit 77
fi
for f in cluster/kubernetes/*.yaml; do check "$f matches the Kubernetes schema" "$validator" --strict --quiet "$f"; done

job=cluster/kubernetes/sweep-job.yaml
read -r completions script < <("$python" - "$job" <<'PY'
import sys, yaml
job = yaml.safe_load(open(sys.argv[1]))
print(job["spec"]["completions"], job["spec"]["template"]["spec"]["containers"][0]["args"][0])
PY
)
shards=$(sed -n 's|.*--shard \$((JOB_COMPLETION_INDEX + 1))/\([0-9]*\).*|\1|p' <<< "$script")
check "indexed Job: completions ($completions) equals the shard count of its command (${shards:-none})" \
  test -n "$shards" -a "$completions" = "${shards:-x}"

work=$(mktemp -d /tmp/fabplan-k8s-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
local_script=${script//\/models\//$PWD/Models/}
local_script=${local_script//\/results\//$work/}
local_script="${local_script/#fabplan /\"$FABPLAN\" }"
for index in 0 $((completions - 1)); do
  check "pod $index's command writes shard $((index + 1))/$completions" \
    env JOB_COMPLETION_INDEX=$index /bin/sh -c "$local_script 2>/dev/null && test -s $work/shard-$((index + 1)).json"
done
expected=$(seq 2 $((completions - 1)) | sed "s|\$|/$completions|" | paste -sd, | sed 's/,/, /g')
check "merge of the first and last pods' shards names shards $expected as missing" \
  grep -q "missing shards: $expected\$" <("$FABPLAN" merge "$work"/shard-*.json 2>&1)

echo "kubernetes: $passed passed, $failed failed"
[ "$failed" = 0 ]
