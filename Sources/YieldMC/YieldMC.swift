/// Monte Carlo yield and throughput estimator (SIMD core). Knows nothing about GLPK or the line-model files.
public enum YieldMC {}
