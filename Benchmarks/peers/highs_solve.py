"""Solve an MPS file with HiGHS (highspy) and print the solver wall time and objective.

Used by planner-bench as the peer for GLPK: `highs_solve.py FILE.mps [MIP_GAP|-] [TIME_LIMIT_S]`. fabplan's free MPS marks maximization with an OBJSENSE section;
the sense is applied explicitly here so the comparison does not depend on how a reader parses that section.
"""
import sys
import time

import highspy

path = sys.argv[1]
maximize = any(line.strip().upper().startswith("MAX") for line in open(path).read().split("ROWS")[0].splitlines()[1:])
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("threads", 1)
if len(sys.argv) > 2 and sys.argv[2] != "-":
    h.setOptionValue("mip_rel_gap", float(sys.argv[2]))
if len(sys.argv) > 3:
    h.setOptionValue("time_limit", float(sys.argv[3]))
h.readModel(path)
if maximize:
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
t0 = time.perf_counter()
h.run()
dt = time.perf_counter() - t0
info = h.getInfo()
status = h.modelStatusToString(h.getModelStatus()).replace(" ", "-")
print(f"solve {dt:.4f} s, status {status}, objective {info.objective_function_value:.6f}")
