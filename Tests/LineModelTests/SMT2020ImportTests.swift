import Foundation
import Testing
import LineModel

/// The SMT2020 importer on Fixtures/smt2020/tiny (a small dataset in the published format, not SMT2020).
@Suite("SMT2020 import: the dataset's files, step by step")
struct SMT2020ImportTests {
    static let tiny = TestPaths.path("Fixtures/smt2020/tiny")

    func near(_ a: Double?, _ b: Double, _ tol: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tol * max(1, abs(b))
    }

    func seconds(_ p: Product) -> [Double] { p.route.map(\.toolSecondsPerEnteringUnit) }

    @Test("default reading: steady cascades, dedicated setups, full batches, sampling and rework")
    func defaults() throws {
        let result = try SMT2020Importer.importDataset(folder: Self.tiny)
        let m = result.model
        #expect(m.sites[0].stations.map(\.id) == ["F1", "IMP", "MET"])   // Delay_32 is no station
        let p = try #require(m.products.first)
        #expect(p.route.count == 4)
        #expect(p.delays == [RouteDelay(name: "3 003_Delay", hours: 2, position: 2)])
        // Nominal release: 25 wafers every 60 min + 25 every 1680 min, over 168 h: 4200 + 150.
        #expect(near(p.demand["week"], 4350))
        // F1 batch of 100 (BATCHMX): (300 min + 1 + 1 min load/unload) / 100 = 18120 / 100 s.
        // IMP cascade of wafers, steady: 25 × 0.5 min = 750 s / 25 = 30 s (STNCAP 2: load/unload overlapped;
        //   its one setup on its one tool is dedicated, so not charged).
        // MET per lot: (600 + 120) / 25 = 28.8 s × visits 0.2 × (1 + 0.1 rework) = 6.336 s.
        // IMP cascade of lots, steady: 12 min per lot = 28.8 s × 1.1 visits (the rework loop 4-5) = 31.68 s.
        let expected = [181.2, 30, 6.336, 31.68]
        #expect(zip(seconds(p), expected).allSatisfy { near($0, $1, 1e-7) }, "\(seconds(p))")
        // The written text is the model.
        #expect(try LineModelLoader.load(yaml: result.yaml) == m)
    }

    @Test("calendars: breakdowns, PM every 7 days, PM every 1000 wafers at the mean busy time")
    func calendars() throws {
        let m = try SMT2020Importer.importDataset(folder: Self.tiny).model
        let st = m.sites[0]
        // F1: 1 / (1 + 504/10080 + 8.4 h / 168 h) = 1 / 1.1.
        #expect(near(st.station("F1")?.availability.fraction, 1 / 1.1))
        // IMP: 1 h per 1000 wafers; busy per wafer = (30 + 31.68) s / (1 + 1.1) visits.
        let busy = (30 + 31.68) / 2.1 / 3600
        #expect(near(st.station("IMP")?.availability.fraction, 1 / (1 + 1 / (1000 * busy)), 1e-7))
        #expect(st.station("MET")?.availability == .fraction(1))
        #expect(st.station("IMP")?.maxTools == 1)
    }

    @Test("every interpretation is an option")
    func options() throws {
        var o = SMT2020ImportOptions()
        o.cascading = .isolated
        o.setups = .minRun
        o.batchFill = .min
        var p = try SMT2020Importer.importDataset(folder: Self.tiny, options: o).model.products[0]
        // F1 batch of 50: 18120 / 50 = 362.4 s. IMP isolated: (60 + 24 × 30 + 120) / 25 = 36 s + setup
        // 3600 s × 1/5 (MINRUN 5) / 25 = 28.8 s. Lot cascade isolated: (1200 + 120) / 25 = 52.8 s × 1.1.
        #expect(zip(seconds(p), [362.4, 64.8, 6.336, 58.08]).allSatisfy { near($0, $1, 1e-9) }, "\(seconds(p))")
        o = SMT2020ImportOptions()
        o.sampling = false
        o.rework = false
        o.setups = .everyDispatch
        o.cascading = .off
        o.includeHotLots = false
        p = try SMT2020Importer.importDataset(folder: Self.tiny, options: o).model.products[0]
        // IMP per wafer 60 s + (120 s load/unload) / 25 + setup 3600 / 25; MET every lot; lot step 1320 / 25.
        #expect(zip(seconds(p), [181.2, 60 + 4.8 + 144, 28.8, 52.8]).allSatisfy { near($0, $1) }, "\(seconds(p))")
        #expect(near(p.demand["week"], 4200))
    }

    /// Imports a copy of the tiny dataset with `file` changed by `edit`; returns the error's text.
    func importError(_ file: String, _ edit: (String) -> String?) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smt2020-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Self.tiny, toPath: dir.path)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(file).path
        if let text = edit(try String(contentsOfFile: path, encoding: .utf8)) {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } else {
            try FileManager.default.removeItem(atPath: path)
        }
        do {
            _ = try SMT2020Importer.importDataset(folder: dir.path)
            return "imported"
        } catch {
            return String(error.description.dropFirst(dir.path.count + 1))
        }
    }

    @Test("bad dataset files are refused with file:line and the column name", arguments: [
        ("route_1.txt", "uniform\t1\t1\tmin\tper_piece", "uniform\tabc\t1\tmin\tper_piece",
         "route_1.txt:3: column PTIME: 'abc' is not a number"),
        ("route_1.txt", "Def_Met\tMET\t", "Def_Met\tMTE\t", "route_1.txt:5: column STNFAM: unknown tool family 'MTE'"),
        ("route_1.txt", "\t4\t10\tlot", "\t9\t10\tlot", "route_1.txt:6: column RWKSTEP: rework goes back to step 9"),
        ("route_1.txt", "per_batch\t50\t100", "per_batch\t50\t", "route_1.txt:2: column BATCHMX:"),
        ("order.txt", "PIECES", "WAFERS", "order.txt:1: column PIECES: the header has no column PIECES"),
        ("pmcal.txt", "mtbpm_by_pieces", "mtbpm_by_moon", "pmcal.txt:3: column PMCALTYPE: unknown maintenance type"),
        ("part.txt", "part_1\troute_1.txt", "part_2\troute_1.txt", "part.txt:2: column PART: no order in order.txt releases 'part_2'"),
        ("tool.txt.1l", "2.0\tDiffusion", "2.5\tDiffusion", "tool.txt.1l:2: column STNQTY: 2.5 tools"),
    ])
    func refused(_ file: String, _ old: String, _ new: String, _ expected: String) throws {
        let message = try importError(file) { text in
            #expect(text.contains(old))
            return text.replacingOccurrences(of: old, with: new)
        }
        #expect(message.hasPrefix(expected), "got \(message)")
    }

    @Test("a missing file is named")
    func missingFile() throws {
        #expect(try importError("route_1.txt") { _ in nil } == "route_1.txt: no such file")
        #expect(throws: DatasetError.self) { try SMT2020Importer.importDataset(folder: "/nonexistent-smt2020") }
    }
}
