/// How variability moves down a serial line: the departures of one station are the arrivals of the next.
public enum FlowVariability {
    /// SCV of the times between departures of a G/G/m station (Whitt 1983's linking equation, Factory
    /// Physics eq. 8.27): c_d² = 1 + (1 − u²)(c_a² − 1) + u² (c_e² − 1) / √m.
    /// A busy station passes on its process variability, an idle one its arrival variability.
    public static func departureSCV(_ s: StationLoad) -> Double {
        let u = min(max(s.utilization, 0), 1), m = max(1, s.servers)
        return 1 + (1 - u * u) * (s.arrivalSCV - 1) + u * u * (s.processTime.scv - 1) / m.squareRoot()
    }
}

/// Little's law, L = λ W: in steady state the mean work in process equals throughput times mean time in
/// the system, whatever the distributions (Little 1961).
public enum LittlesLaw {
    /// Mean work in process (jobs or units, as `throughputPerHour` counts them) for a mean time in the
    /// system of `timeHours`.
    public static func wip(throughputPerHour: Double, timeHours: Double) -> Double {
        throughputPerHour * timeHours
    }
}
