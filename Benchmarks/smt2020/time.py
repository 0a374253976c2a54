#!/usr/bin/env python3
"""Wall time of fabplan on imported SMT2020 models (release build), medians of N runs, beside the
independent Python analysis of the same dataset as a peer.

    python3 Benchmarks/smt2020/time.py DATASETS_DIR .build/release/fabplan [N]
"""
import os, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(__file__))
import capacity  # noqa: E402


def median_seconds(f, n):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), max(times)


def run(*args):
    subprocess.run(list(args), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def long_route(path, steps):
    with open(path, "w") as f:
        f.write("name: long\nperiods: [{id: p1, hours_per_tool: 1000}]\n"
                "sites: [{id: s1, stations: [{id: a, installed_tools: 1, availability: 1, tool_price: 0}, "
                "{id: b, installed_tools: 1, availability: 1, tool_price: 0}]}]\n"
                "products:\n  - id: w\n    sites: [s1]\n    demand: {p1: 1}\n    price_per_unit: 1\n    route:\n")
        for k in range(steps):
            f.write("      - {station: %s, seconds_per_unit: 1, yield: 1}\n" % "ab"[k % 2])


def main():
    datasets, fabplan = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with tempfile.TemporaryDirectory() as tmp:
        print("| what | median s | min | max |\n|---|---|---|---|")
        for name in ("HVLM", "LVHM"):
            model = os.path.join(tmp, name + ".yaml")
            rows = [
                (f"{name}: import", lambda: run(fabplan, "import", "smt2020", datasets, "--dataset", name, "--output", model)),
                (f"{name}: validate", lambda: run(fabplan, "validate", model)),
                (f"{name}: optimize --objective max-output --fixed-mix nominal (MIP)",
                 lambda: run(fabplan, "optimize", model, "--objective", "max-output", "--fixed-mix", "nominal")),
                (f"{name}: validate + optimize", lambda: (run(fabplan, "validate", model),
                                                         run(fabplan, "optimize", model, "--objective", "max-output", "--fixed-mix", "nominal"))),
                (f"{name}: load", lambda: run(fabplan, "load", model)),
                (f"{name}: peer, capacity.py analysis of the dataset files (one reading)",
                 lambda: capacity.analyse(os.path.join(datasets, "SMT2020_" + name), capacity.BASE)),
            ]
            for label, f in rows:
                med, lo, hi = median_seconds(f, n)
                print(f"| {label} | {med:.3f} | {lo:.3f} | {hi:.3f} |")
        for steps in (2000, 5000):
            path = os.path.join(tmp, f"long{steps}.yaml")
            long_route(path, steps)
            med, lo, hi = median_seconds(lambda: (run(fabplan, "validate", path), run(fabplan, "optimize", path, "--objective", "max-output")), n)
            print(f"| one route of {steps} steps: validate + optimize | {med:.3f} | {lo:.3f} | {hi:.3f} |")


if __name__ == "__main__":
    main()
