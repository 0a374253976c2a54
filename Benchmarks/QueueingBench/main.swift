// The queueing approximations against the discrete-event simulator over a grid of utilizations, SCVs and
// server counts (docs/cycle-time.md, Benchmarks/results/queueing.md):
//
//     swift run -c release queueing-bench            # full grid, markdown tables on stdout
//     swift run -c release queueing-bench --quick    # a smaller grid and shorter runs
//
// Per grid point: one simulation (gamma times with the given SCVs, fixed seed), its batch-means standard
// error, and the relative error of Sakasegawa and Allen–Cunneen. Errors within ~2 SE are simulation noise.
import Foundation
import Queueing

let quick = CommandLine.arguments.contains("--quick")
let utilizations = quick ? [0.7, 0.9] : [0.5, 0.7, 0.8, 0.9, 0.95]
let scvs = quick ? [0.25, 1.0] : [0.25, 1.0, 2.0]
let serverCounts = quick ? [1, 4] : [1, 2, 4, 8]

/// Jobs per run: more at high utilization, where the queue relaxes slowly (~1/(1 − u)²).
func jobs(_ u: Double) -> Int {
    let base = quick ? 200_000 : 1_000_000
    return Int(Double(base) * max(1, 0.04 / ((1 - u) * (1 - u))))
}

func percent(_ x: Double) -> String { String(format: "%+.1f %%", 100 * x) }

print("| m | u | c_a² | c_e² | simulated Wq / t_e | ± SE | Sakasegawa | Allen–Cunneen |")
print("|---|---|---|---|---|---|---|---|")
var worst = (sakasegawa: 0.0, allenCunneen: 0.0)
var sumAbs = (sakasegawa: 0.0, allenCunneen: 0.0)
var points = 0
var seed: UInt64 = 1
let started = Date()
for m in serverCounts {
    for u in utilizations {
        for ca2 in scvs {
            for ce2 in scvs {
                let te = 1.0
                let process = ProcessTime(meanHours: te, scv: ce2)
                let sim = LineSimulation(
                    interarrival: ProcessTime(meanHours: te / (u * Double(m)), scv: ca2),
                    stations: [.init(servers: m, service: ServiceModel(natural: process))],
                    jobs: jobs(u), warmupJobs: jobs(u) / 20, batches: 30)
                let r = sim.run(seed: seed)[0].queueHours
                seed += 1
                let load = StationLoad(servers: Double(m), arrivalSCV: ca2, processTime: process, utilization: u)
                let saka = QueueTime.sakasegawaHours(load), ac = QueueTime.allenCunneenHours(load)
                let es = saka / r.mean - 1, ea = ac / r.mean - 1
                worst.sakasegawa = max(worst.sakasegawa, abs(es)); worst.allenCunneen = max(worst.allenCunneen, abs(ea))
                sumAbs.sakasegawa += abs(es); sumAbs.allenCunneen += abs(ea); points += 1
                print(String(format: "| %d | %.2f | %.2f | %.2f | %.4f | %.4f | %@ | %@ |", m, u, ca2, ce2,
                             r.mean / te, r.standardError / te, percent(es), percent(ea)))
            }
        }
    }
}
print("")
print(String(format: "%d points in %.1f s. Mean |error|: Sakasegawa %.1f %%, Allen–Cunneen %.1f %%; worst: %.1f %%, %.1f %%.",
             points, Date().timeIntervalSince(started), 100 * sumAbs.sakasegawa / Double(points),
             100 * sumAbs.allenCunneen / Double(points), 100 * worst.sakasegawa, 100 * worst.allenCunneen))

// A serial line: three stations, arrival SCV of each from the linking equation (FlowVariability), the
// second station with preemptive outages (MTBF 20 h, MTTR 2 h, exponential repairs) on 1 h natural lots.
print("")
print("Serial line (Poisson arrivals at 0.8 lots/h; linking equation for downstream arrivals):")
print("")
print("| station | m | u | c_a² used | c_e² | simulated Wq | ± SE | Sakasegawa | error |")
print("|---|---|---|---|---|---|---|---|---|")
let line: [(servers: Int, service: ServiceModel)] = [
    (1, ServiceModel(natural: ProcessTime(meanHours: 1.0, scv: 0.5))),
    (2, ServiceModel(natural: ProcessTime(meanHours: 1.8, scv: 0.25),
                     outages: .init(mtbfHours: 20, repair: ProcessTime(meanHours: 2, scv: 1)))),
    (4, ServiceModel(natural: ProcessTime(meanHours: 4.5, scv: 1.0))),
]
let lineJobs = quick ? 400_000 : 4_000_000
let lineSim = LineSimulation(interarrival: ProcessTime(meanHours: 1 / 0.8, scv: 1),
                             stations: line.map { .init(servers: $0.servers, service: $0.service) },
                             jobs: lineJobs, warmupJobs: lineJobs / 20, batches: 30)
let lineResults = lineSim.run(seed: 1000)
var arrivalSCV = 1.0
for (k, st) in line.enumerated() {
    let te = st.service.effective
    let load = StationLoad(servers: Double(st.servers), arrivalSCV: arrivalSCV, processTime: te,
                           utilization: 0.8 * te.meanHours / Double(st.servers))
    let approx = QueueTime.sakasegawaHours(load)
    let r = lineResults[k].queueHours
    print(String(format: "| %d | %d | %.3f | %.3f | %.3f | %.4f | %.4f | %.4f | %@ |", k + 1, st.servers, load.utilization,
                 arrivalSCV, te.scv, r.mean, r.standardError, approx, percent(approx / r.mean - 1)))
    arrivalSCV = FlowVariability.departureSCV(load)
}
