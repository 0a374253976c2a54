"""Checks that HiGHS reads fabplan's exported MPS and CPLEX LP files with the objective fabplan reports.

    pip install highspy
    swift build -c release
    python3 Benchmarks/peers/highs_objective_check.py [MODEL ...]

For each model and mode (--lp, --mip with --gap 0) it runs `fabplan optimize --export-mps --export-lp
--format json`, solves both files with HiGHS and prints fabplan's objective / 1000 (the LP's money scale)
beside HiGHS's, with the relative difference. Exits 1 if any differs by more than 1e-6 relative.
"""
import json, subprocess, sys, tempfile, os
import highspy

def highs_objective(path):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 1e-7)
    h.setOptionValue("time_limit", 300.0)
    h.readModel(path)
    h.run()
    return h.getInfo().objective_function_value, h.modelStatusToString(h.getModelStatus())

def main(models):
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for model in models:
            for mode in (["--lp"], ["--mip", "--gap", "0"]):
                mps, lp, js = (os.path.join(tmp, "m." + e) for e in ("mps", "lp", "json"))
                subprocess.run([".build/release/fabplan", "optimize", model, *mode, "--export-mps", mps,
                                "--export-lp", lp, "--format", "json", "--output", js], check=True)
                ours = json.load(open(js))["objective"] / 1000
                for path in (mps, lp):
                    theirs, status = highs_objective(path)
                    rel = abs(theirs - ours) / max(abs(ours), 1e-12)
                    worst = max(worst, rel)
                    print(f"{model} {mode[0]} {os.path.splitext(path)[1]}: fabplan {ours:.6f} HiGHS {theirs:.6f} "
                          f"({status}) rel diff {rel:.1e}")
    print(f"worst relative difference {worst:.1e}")
    return 1 if worst > 1e-6 else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["Models/vietnam-2030.yaml"]))
