import LineModel
import LinearSolver
