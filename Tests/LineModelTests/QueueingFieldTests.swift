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
