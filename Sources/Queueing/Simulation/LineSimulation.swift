/// A discrete-event simulation of a serial line of G/G/m stations (one station = a single G/G/m queue):
/// renewal arrivals to the first station, FCFS queues, each station's departures feeding the next.
///
/// With FCFS and identical servers the event sequence reduces to one recursion per station: jobs taken in
/// arrival order, each starts on the server that frees first, at max(arrival, that server's free time)
/// (Kiefer & Wolfowitz 1955). This gives the same waiting times as an event-list simulation, without one.
public struct LineSimulation: Sendable {
    /// One station of the line.
    public struct Station: Sendable, Hashable {
        /// Identical tools serving one FCFS queue.
        public var servers: Int
        /// How one job's time on a tool is drawn.
        public var service: ServiceModel

        public init(servers: Int, service: ServiceModel) {
            self.servers = servers
            self.service = service
        }
    }

    /// Results of one station.
    public struct StationResult: Sendable, Hashable {
        /// Time in queue, hours.
        public var queueHours: SimulationEstimate
        /// Time on the tool (effective process time), hours.
        public var processHours: SimulationEstimate
        /// Sample SCV of the effective process times (after warm-up).
        public var processSCV: Double
        /// Sample SCV of the times between arrivals (after warm-up).
        public var arrivalSCV: Double
    }

    /// Times between arrivals to the first station (mean and SCV).
    public var interarrival: ProcessTime
    /// The stations in route order; each one's departures are the next one's arrivals.
    public var stations: [Station]
    /// Jobs simulated, warm-up included.
    public var jobs: Int
    /// First jobs left out of every estimate (the line starts empty).
    public var warmupJobs: Int
    /// Batches of the batch-means standard error.
    public var batches: Int

    public init(interarrival: ProcessTime, stations: [Station], jobs: Int, warmupJobs: Int, batches: Int = 30) {
        self.interarrival = interarrival
        self.stations = stations
        self.jobs = jobs
        self.warmupJobs = warmupJobs
        self.batches = batches
    }

    /// Runs the line once from `seed`; the same seed gives the same results.
    public func run(seed: UInt64) -> [StationResult] {
        var rng = RandomSource(seed: seed)
        var arrivals = [Double](repeating: 0, count: jobs)
        var clock = 0.0
        for n in 0..<jobs { clock += rng.draw(interarrival); arrivals[n] = clock }
        var results: [StationResult] = []
        for station in stations {
            let services = (0..<jobs).map { _ in station.service.draw(&rng) }
            let (waits, departures) = Self.fcfs(arrivals: arrivals, services: services, servers: station.servers)
            results.append(StationResult(
                queueHours: SimulationEstimate(batchMeansOf: waits[warmupJobs...], batches: batches),
                processHours: SimulationEstimate(batchMeansOf: services[warmupJobs...], batches: batches),
                processSCV: Self.scv(services[warmupJobs...]),
                arrivalSCV: Self.scv(Self.gaps(arrivals[warmupJobs...]))))
            arrivals = departures.sorted()
        }
        return results
    }

    /// Waiting times and departure times (in arrival order) of a FCFS station with `servers` tools.
    static func fcfs(arrivals: [Double], services: [Double], servers: Int) -> (waits: [Double], departures: [Double]) {
        var free = [Double](repeating: 0, count: servers)
        var waits = [Double](repeating: 0, count: arrivals.count)
        var departures = waits
        for n in arrivals.indices {
            var k = 0
            for i in 1..<max(1, servers) where free[i] < free[k] { k = i }
            let start = max(arrivals[n], free[k])
            waits[n] = start - arrivals[n]
            departures[n] = start + services[n]
            free[k] = departures[n]
        }
        return (waits, departures)
    }

    static func gaps(_ times: ArraySlice<Double>) -> ArraySlice<Double> {
        ArraySlice(zip(times.dropFirst(), times).map { $0 - $1 })
    }

    static func scv(_ x: ArraySlice<Double>) -> Double {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return variance / (mean * mean)
    }
}
