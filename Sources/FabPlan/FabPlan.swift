// Umbrella module: `import FabPlan` gives the line model, the planner, the solver layer and the estimator.
@_exported import LineModel
@_exported import LinearSolver
@_exported import Planner
@_exported import YieldMC
@_exported import Queueing
