// swift-tools-version:6.0
//
// fabplan: capacity planning for semiconductor back-end (assembly, test, packaging) lines fed by a wafer fab.
// Licensed GPL-3.0-or-later (it links GLPK, which is GPL-3.0-or-later).
//
// Dependency arrows point one way:
//   fabplan (executable) -> FabPlanCLI -> Planner -> { LineModel, LinearSolver, YieldMC, Queueing }
//   LinearSolver -> CGLPKGuard -> CGLPK (system libglpk)
// LinearSolver knows nothing about semiconductors; YieldMC knows nothing about GLPK.
import PackageDescription

/// Opt-in AVX2/FMA build for the Monte Carlo core: `FABPLAN_MARCH=x86-64-v3 swift build -c release`.
/// The default build targets baseline x86-64 and runs on any x86-64 machine.
let fastMath: [SwiftSetting] = {
    var flags: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-fno-math-errno"])]
    if let march = Context.environment["FABPLAN_MARCH"], !march.isEmpty {
        flags.append(.unsafeFlags(["-Xcc", "-march=\(march)"]))
    }
    return flags
}()

let package = Package(
    name: "fabplan",
    products: [
        .executable(name: "fabplan", targets: ["fabplan"]),
        .library(name: "FabPlan", targets: ["FabPlan"]),
        .library(name: "LineModel", targets: ["LineModel"]),
        .library(name: "Planner", targets: ["Planner"]),
        .library(name: "LinearSolver", targets: ["LinearSolver"]),
        .library(name: "YieldMC", targets: ["YieldMC"]),
        .library(name: "Queueing", targets: ["Queueing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Packs the xlsx workbook's XML parts (--format xlsx, docs/reports.md).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `swift package generate-documentation` (DocC catalogues under Sources/*/*.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // GLPK, the system C library (Debian: libglpk-dev; no pkg-config file is shipped).
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
        ),
        // C: calls into GLPK under an error hook + setjmp, so GLPK's fatal errors become return codes.
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
        // Swift: sparse LP/MIP in, statuses and solutions out. No domain words.
        .target(name: "LinearSolver", dependencies: ["CGLPKGuard"]),
        // The domain: sites, stations, routes, fab, demand; units and derived formulas; load + validate.
        .target(name: "LineModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Monte Carlo yield and throughput estimator: RNG, SIMD samplers, estimator. No GLPK.
        .target(name: "YieldMC", swiftSettings: fastMath),
        // Queueing closed forms (effective process times, Kingman/Sakasegawa, Erlang C, Little) and a small
        // G/G/m line simulator. Pure Swift: knows neither GLPK nor the line model.
        .target(name: "Queueing"),
        // The formulation (line model -> LP/MIP), plans and reports, scenarios, compare.
        .target(name: "Planner", dependencies: ["LineModel", "LinearSolver", "YieldMC", "Queueing"]),
        // Umbrella library: re-exports the public modules for embedders.
        .target(name: "FabPlan", dependencies: ["LineModel", "Planner", "LinearSolver", "YieldMC", "Queueing"]),
        // The commands of the CLI: argument parsing and rendering only.
        .target(name: "FabPlanCLI", dependencies: [
            "FabPlan",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .executableTarget(name: "fabplan", dependencies: ["FabPlanCLI"]),
        // Deterministic national-scale line models (benchmarks and the formulation-equivalence tests).
        .target(name: "NationalModels", dependencies: ["LineModel"], path: "Benchmarks/NationalModels"),
        // Benchmarks (release builds; see Benchmarks/RESULTS.md).
        .executableTarget(name: "planner-bench", dependencies: ["Planner", "LineModel", "LinearSolver", "NationalModels"],
                          path: "Benchmarks/PlannerBench"),
        // Solver-layer benchmark (release build): `swift run -c release solver-bench`.
        .executableTarget(name: "solver-bench", dependencies: ["LinearSolver", "CGLPK"], path: "Benchmarks/solver"),
        // Benchmark of the Monte Carlo core against its numpy peer (Benchmarks/results/yieldmc.md).
        .executableTarget(
            name: "yieldmc-bench", dependencies: ["YieldMC"], path: "Benchmarks/yieldmc",
            exclude: ["models", "asm-check.sh"], swiftSettings: fastMath),
        // What-if sweep benchmark (release build): `swift run -c release sweep-bench`.
        .executableTarget(name: "sweep-bench", dependencies: ["Planner", "LineModel", "LinearSolver", .product(name: "Yams", package: "Yams")], path: "Benchmarks/SweepBench"),

        // Two-stage stochastic planning benchmark (release build): `swift run -c release stochastic-bench`.
        .executableTarget(name: "stochastic-bench", dependencies: ["Planner", "LineModel", "LinearSolver"],
                          path: "Benchmarks/StochasticBench"),

        // Queueing approximations against the simulator over a grid (release build): `swift run -c release queueing-bench`.
        .executableTarget(name: "queueing-bench", dependencies: ["Queueing"], path: "Benchmarks/QueueingBench"),

        .testTarget(name: "LinearSolverTests", dependencies: ["LinearSolver"]),
        .testTarget(name: "LineModelTests", dependencies: ["LineModel"]),
        .testTarget(name: "YieldMCTests", dependencies: ["YieldMC"]),
        .testTarget(name: "QueueingTests", dependencies: ["Queueing"]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "LineModel", "LinearSolver", "NationalModels"]),
        .testTarget(name: "CLITests", dependencies: ["fabplan", "FabPlan", "FabPlanCLI"]),
        // Seeded mutation fuzzing of models, scenarios, plan and shard JSON (README "Development").
        .testTarget(name: "FuzzTests", dependencies: ["Planner", "LineModel", "LinearSolver"]),
    ]
)
