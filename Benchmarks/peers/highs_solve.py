"""Solve an MPS file with HiGHS (highspy) and print the solver time and objective.

Used by planner-bench as the peer for GLPK. The MPS written by fabplan minimizes or maximizes as GLPK's
objective sense says; HiGHS reads the OBJSENSE section.
"""
import sys
import time

import highspy

h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("threads", 1)
t0 = time.perf_counter()
h.readModel(sys.argv[1])
h.run()
dt = time.perf_counter() - t0
info = h.getInfo()
print(f"solve {dt:.4f} s, objective {info.objective_function_value}")
