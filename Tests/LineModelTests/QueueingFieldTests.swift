import Foundation
import Testing
import LineModel

@Suite("Station queueing fields and lot sizes")
struct QueueingFieldTests {
    @Test("given figures are read as written; absent ones take the documented defaults (1, 0.25, 1, 1000 units)")
    func readAndDefaults() throws {
        let model = try LineModelLoader.load(path: TestPaths.path("Fixtures/valid/queueing.yaml"))
        let bond = try #require(model.sites[0].station("bond"))
        #expect(bond.queueing == StationQueueing(arrivalSCV: 0.5, processSCV: 0.1, repairSCV: 2, maxQueueHours: 6))
        #expect(bond.arrivalSCV == 0.5 && bond.processSCV == 0.1 && bond.repairSCV == 2)
        let test = try #require(model.sites[0].station("test"))
        #expect(test.queueing == nil)
        #expect(test.arrivalSCV == 1 && test.processSCV == 0.25 && test.repairSCV == 1)
        #expect(model.products[0].lotSize == 250)
        let minimal = try LineModelLoader.load(path: TestPaths.path("Fixtures/valid/minimal.yaml"))
        #expect(minimal.products[0].lotSizeUnits == nil && minimal.products[0].lotSize == 1000)
    }

    @Test("the writer leaves out what was not given, so defaults stay implicit")
    func writerOmitsDefaults() throws {
        let model = try LineModelLoader.load(path: TestPaths.path("Fixtures/valid/minimal.yaml"))
        let text = LineModelWriter.json(model)
        #expect(!text.contains("queueing") && !text.contains("lot_size_units"))
        var changed = model
        changed.sites[0].stations[0].queueing = StationQueueing(processSCV: 0.5)
        let written = LineModelWriter.json(changed)
        #expect(written.contains("\"process_scv\"") && !written.contains("arrival_scv"))
        #expect(try changed.validated() == changed)
    }
}

@Suite("Validating queueing figures of models built in code")
struct QueueingRuleTests {
    @Test("out-of-range SCVs, a zero queue limit, repair_scv without MTBF/MTTR and a zero lot size, by key path")
    func problems() throws {
        var model = try LineModelLoader.load(path: TestPaths.path("Fixtures/valid/minimal.yaml"))
        model.sites[0].stations[0].queueing = StationQueueing(arrivalSCV: -1, processSCV: 101, repairSCV: 1, maxQueueHours: 0)
        model.products[0].lotSizeUnits = 0
        let found = LineModelValidator.problems(in: model).map { "\($0.keyPath) | \($0.message)" }
        let q = "sites.s1.stations.bond.queueing"
        #expect(found.count == 5, "\(found)")
        #expect(found.contains("\(q).arrival_scv | must not be negative, got -1"))
        #expect(found.contains { $0.hasPrefix("\(q).process_scv | is implausibly large (101") })
        #expect(found.contains { $0.hasPrefix("\(q).repair_scv | repair_scv describes repair times") })
        #expect(found.contains("\(q).max_queue_hours | must be greater than 0, got 0"))
        #expect(found.contains("products.widget.lot_size_units | must be greater than 0, got 0"))
    }
}
