/// Writes a `LineModel` back in the file format of `docs/file-format.md` (as JSON, which the loader reads like
/// YAML). `LineModelLoader.load(yaml: LineModelWriter.json(model)) == model` for every valid model, so a
/// program can change a model (a scenario, say) and hand planners a file they can read, diff and edit.
///
/// Note that `JSONEncoder` on a `LineModel` gives Swift's own Codable layout (camelCase keys, enum cases),
/// which is *not* the file format.
public enum LineModelWriter {
    /// The model as a JSON document in the file format, keys in the documented order, per-period maps in
    /// period order, two-space indentation.
    public static func json(_ model: LineModel) -> String {
        var out = ""
        write(value(of: model), indent: 0, into: &out)
        out.append("\n")
        return out
    }

    /// A JSON value with ordered object keys.
    indirect enum Value {
        case number(Double)
        case integer(Int)
        case text(String)
        case list([Value])
        case object([(String, Value)])
    }

    // MARK: Model to values

    static func value(of m: LineModel) -> Value {
        let order = m.periods.map(\.id)
        var top: [(String, Value)] = [("name", .text(m.name))]
        if let d = m.description { top.append(("description", .text(d))) }
        top.append(("currency", .text(m.currency)))
        top.append(("periods", .list(m.periods.map {
            .object([("id", .text($0.id)), ("hours_per_tool", .number($0.hoursPerTool))])
        })))
        top.append(("sites", .list(m.sites.map(value(of:)))))
        if !m.dieTypes.isEmpty {
            top.append(("die_types", .list(m.dieTypes.map {
                .object([("id", .text($0.id)), ("width_mm", .number($0.widthMillimetres)),
                         ("height_mm", .number($0.heightMillimetres))])
            })))
        }
        if let fab = m.fab { top.append(("fab", value(of: fab, order: order))) }
        if !m.dieSuppliers.isEmpty {
            top.append(("die_suppliers", .list(m.dieSuppliers.map { s in
                var o: [(String, Value)] = [("id", .text(s.id)), ("die_type", .text(s.dieType)),
                                            ("cost_per_die", .number(s.costPerDie))]
                if let cap = s.capPerPeriod { o.append(("cap_per_period", periodMap(cap, order))) }
                return .object(o)
            })))
        }
        top.append(("products", .list(m.products.map { value(of: $0, order: order) })))
        var budget: [(String, Value)] = []
        if !m.budget.capitalPerPeriod.isEmpty {
            budget.append(("capital_per_period", periodMap(m.budget.capitalPerPeriod, order)))
        }
        if let total = m.budget.capitalTotal { budget.append(("capital_total", .number(total))) }
        if !budget.isEmpty { top.append(("budget", .object(budget))) }
        return .object(top)
    }

    static func value(of site: Site) -> Value {
        var o: [(String, Value)] = [("id", .text(site.id))]
        if let n = site.name { o.append(("name", .text(n))) }
        if let l = site.location { o.append(("location", .text(l))) }
        o.append(("stations", .list(site.stations.map { st in
            var s: [(String, Value)] = [("id", .text(st.id))]
            if let n = st.name { s.append(("name", .text(n))) }
            s.append(("installed_tools", .integer(st.installedTools)))
            switch st.availability {
            case .fraction(let a): s.append(("availability", .number(a)))
            case .reliability(let mtbf, let mttr):
                s.append(("availability", .object([("mtbf_hours", .number(mtbf)), ("mttr_hours", .number(mttr))])))
            case .calendar(let c): s.append(("availability", value(of: c)))
            }
            s.append(("utilization_cap", .number(st.utilizationCap)))
            s.append(("tool_price", .number(st.toolPrice)))
            s.append(("lead_time_periods", .integer(st.leadTimePeriods)))
            if let maxTools = st.maxTools { s.append(("max_tools", .integer(maxTools))) }
            s.append(("operating_cost_per_tool_hour", .number(st.operatingCostPerToolHour)))
            if let q = st.queueing { s.append(("queueing", value(of: q))) }
            return .object(s)
        })))
        return .object(o)
    }

    /// A station's `queueing` block: only the figures given (defaults stay implicit).
    static func value(of q: StationQueueing) -> Value {
        var o: [(String, Value)] = []
        if let x = q.arrivalSCV { o.append(("arrival_scv", .number(x))) }
        if let x = q.processSCV { o.append(("process_scv", .number(x))) }
        if let x = q.repairSCV { o.append(("repair_scv", .number(x))) }
        if let x = q.maxQueueHours { o.append(("max_queue_hours", .number(x))) }
        return .object(o)
    }

    static func value(of p: Product, order: [String]) -> Value {
        var o: [(String, Value)] = [("id", .text(p.id))]
        if let n = p.name { o.append(("name", .text(n))) }
        if let f = p.family { o.append(("family", .text(f))) }
        o.append(("sites", .list(p.sites.map { .text($0) })))
        if !p.dies.isEmpty {
            o.append(("dies", .list(p.dies.map {
                .object([("die_type", .text($0.dieType)), ("per_unit", .number($0.perUnit))])
            })))
        }
        o.append(("demand", periodMap(p.demand, order)))
        o.append(("demand_cv", .number(p.demandCV)))
        o.append(("price_per_unit", .number(p.pricePerUnit)))
        o.append(("unmet_penalty_per_unit", .number(p.unmetPenaltyPerUnit)))
        if let h = p.holdingCostPerUnitPeriod { o.append(("holding_cost_per_unit_period", .number(h))) }
        o.append(("material_cost_per_unit", .number(p.materialCostPerUnit)))
        if let lot = p.lotSizeUnits { o.append(("lot_size_units", .number(lot))) }
        o.append(("route", .list(interleave(p.route.map { step in
            var s: [(String, Value)] = [("station", .text(step.station)), ("name", .text(step.name))]
            switch step.rate {
            case .unitsPerHour(let u): s.append(("units_per_hour", .number(u)))
            case .secondsPerUnit(let x): s.append(("seconds_per_unit", .number(x)))
            case .wireBond(let n, let r, let t):
                s.append(("wire_bond", .object([("wires_per_unit", .number(n)), ("wires_per_second", .number(r)),
                                                ("index_seconds", .number(t))])))
            case .multiSiteTest(let t, let sites, let i):
                s.append(("test", .object([("test_seconds", .number(t)), ("sites", .number(sites)),
                                           ("index_seconds", .number(i))])))
            case .batch(let n, let h, let l):
                s.append(("batch", .object([("units_per_batch", .number(n)), ("batch_hours", .number(h)),
                                            ("load_hours", .number(l))])))
            case .dispatch(let d): s.append(("dispatch", value(of: d)))
            }
            s.append(("yield", .number(step.yield)))
            if let c = step.yieldConcentration { s.append(("yield_concentration", .number(c))) }
            s += routeFeatureFields(of: step)
            return .object(s)
        }, delays: p.delays))))
        return .object(o)
    }

    static func value(of fab: Fab, order: [String]) -> Value {
        let modelName: String
        switch fab.yieldModel {
        case .poisson: modelName = "poisson"
        case .murphy: modelName = "murphy"
        case .seedsExponential: modelName = "seeds_exponential"
        case .expSqrt: modelName = "exp_sqrt"
        case .negativeBinomial: modelName = "negative_binomial"
        }
        var o: [(String, Value)] = [("id", .text(fab.id))]
        if let n = fab.name { o.append(("name", .text(n))) }
        o += [
            ("wafer_diameter_mm", .number(fab.waferDiameterMillimetres)),
            ("edge_exclusion_mm", .number(fab.edgeExclusionMillimetres)),
            ("scribe_mm", .number(fab.scribeMillimetres)),
            ("yield_model", .text(modelName)),
            ("clustering_alpha", .number(fab.clusteringAlpha)),
            ("defect_density_per_cm2", periodMap(fab.defectDensityPerCm2, order)),
            ("wafer_starts", periodMap(fab.waferStartsPerPeriod, order)),
            ("wafer_cost", .number(fab.waferCost)),
            ("cycle_time_periods", .integer(fab.cycleTimePeriods)),
            ("sort_yield", .number(fab.sortYield)),
            ("die_types", .list(fab.dieTypes.map { .text($0) })),
        ]
        return .object(o)
    }

    /// A per-period map in period order (keys not among the periods, which a loaded model never has, last).
    static func periodMap(_ map: [String: Double], _ order: [String]) -> Value {
        var entries: [(String, Value)] = []
        for id in order { if let v = map[id] { entries.append((id, .number(v))) } }
        let known = Set(order)
        for key in map.keys.sorted() where !known.contains(key) { entries.append((key, .number(map[key] ?? 0))) }
        return .object(entries)
    }

    // MARK: Values to text

    static func write(_ v: Value, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch v {
        case .number(let x): out.append(number(x))
        case .integer(let n): out.append(String(n))
        case .text(let s): out.append(quoted(s))
        case .list(let items):
            if items.isEmpty { out.append("[]"); return }
            if items.allSatisfy({ if case .text = $0 { return true } else { return false } }) {
                out.append("[")
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(", ") }
                    write(item, indent: indent, into: &out)
                }
                out.append("]")
                return
            }
            out.append("[\n")
            for (i, item) in items.enumerated() {
                out.append(pad)
                write(item, indent: indent + 1, into: &out)
                out.append(i + 1 < items.count ? ",\n" : "\n")
            }
            out.append(closePad + "]")
        case .object(let fields):
            if fields.isEmpty { out.append("{}"); return }
            out.append("{\n")
            for (i, (key, value)) in fields.enumerated() {
                out.append(pad + quoted(key) + ": ")
                write(value, indent: indent + 1, into: &out)
                out.append(i + 1 < fields.count ? ",\n" : "\n")
            }
            out.append(closePad + "}")
        }
    }

    /// Shortest text that reads back to the same Double; whole numbers without a fraction.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            default:
                if u.value < 0x20 || u.value == 0x7F || (u.value >= 0x80 && u.value < 0xA0) {
                    let hex = String(u.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out.append("\"")
        return out
    }
}
