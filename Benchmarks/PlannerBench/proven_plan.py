"""The flagship's default MIP plan: proven, how fast, and the same on every run.

    swift build -c release
    python3 Benchmarks/PlannerBench/proven_plan.py [RUNS] [MODEL]

Runs `fabplan optimize MODEL --format json` RUNS times (default 10), interleaved with the old default
`--gap 0.0005` as the side-by-side peer, and prints per setting: the proof, objective, gap to bound, median and
range of solveSeconds and wall seconds, and how many distinct plans (objective, purchases and unmet demand per
product-period, hashed) the runs gave.
"""
import hashlib, json, statistics, subprocess, sys, time

def run(model, extra):
    t0 = time.perf_counter()
    out = subprocess.run([".build/release/fabplan", "optimize", model, "--format", "json", *extra],
                         check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - t0
    d = json.loads(out)
    plan = json.dumps([d["objective"], d["purchases"], [(p["product"], p["period"], p["unmet"]) for p in d["products"]]],
                      sort_keys=True)
    return d, wall, hashlib.sha256(plan.encode()).hexdigest()[:12]

def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    model = sys.argv[2] if len(sys.argv) > 2 else "Models/vietnam-2030.yaml"
    settings = {"default": [], "old --gap 0.0005": ["--gap", "0.0005"]}
    results = {k: [] for k in settings}
    for _ in range(runs):
        for name, extra in settings.items():
            results[name].append(run(model, extra))
    medians = {}
    for name, rs in results.items():
        solve = [r[0]["solveSeconds"] for r in rs]
        wall = [r[1] for r in rs]
        q = rs[0][0].get("quality", {})
        medians[name] = statistics.median(solve)
        print(f"{name}: proof {q.get('proof')}, objective {rs[0][0]['objective']:.1f}, gap to bound "
              f"{q.get('absoluteGap')}, solve s median {statistics.median(solve):.3f} [{min(solve):.3f}-{max(solve):.3f}], "
              f"wall s median {statistics.median(wall):.3f}, distinct plans {len({r[2] for r in rs})} of {len(rs)}")
    print(f"ratio default / old default (median solve s): {medians['default'] / medians['old --gap 0.0005']:.2f}")

if __name__ == "__main__":
    main()
