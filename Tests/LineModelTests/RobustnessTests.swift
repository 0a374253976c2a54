import Foundation
import Testing
import LineModel

/// Bad input never crashes: whatever bytes arrive, the loader returns a model or throws `LineModelError`.
@Suite("Robustness")
struct RobustnessTests {
    /// SplitMix64: a fixed-seed generator so every run mutates the same way.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("600 random byte mutations of a valid model never crash the loader")
    func mutations() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: TestPaths.path("Fixtures/valid/fab-and-suppliers.yaml")))
        var rng = SplitMix64(state: 20_260_129)
        // Bytes that matter to YAML structure, plus digits, letters, a non-UTF-8 byte and NUL.
        let alphabet: [UInt8] = Array("[]{}:,-?*&!|>#'\"\n .0123456789eE-_abcxyz".utf8) + [0xFF, 0x00, 0x09]
        var loaded = 0, refused = 0
        for _ in 0..<600 {
            var bytes = [UInt8](original)
            let edits = Int.random(in: 1...4, using: &rng)
            for _ in 0..<edits {
                let position = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[position] = alphabet.randomElement(using: &rng) ?? 0x20
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet.randomElement(using: &rng) ?? 0x20, at: position)
                }
            }
            do {
                _ = try LineModelLoader.load(data: Data(bytes), fileName: "mutant.yaml")
                loaded += 1
            } catch let error as LineModelError {
                refused += 1
                // Every refusal is located inside the file and says something.
                for d in error.diagnostics {
                    #expect(d.location.line >= 1 && d.location.column >= 1 && !d.message.isEmpty)
                }
            }
        }
        #expect(loaded + refused == 600)
        #expect(refused > 0)
    }

    @Test("Windows line endings and a byte-order mark load like the plain file")
    func crlfAndBOM() throws {
        let text = try String(contentsOfFile: TestPaths.path("Fixtures/valid/minimal.yaml"), encoding: .utf8)
        let plain = try LineModelLoader.load(yaml: text)
        let crlf = try LineModelLoader.load(yaml: text.replacingOccurrences(of: "\n", with: "\r\n"))
        let bom = try LineModelLoader.load(data: Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)), fileName: "bom.yaml")
        #expect(plain == crlf && plain == bom)
    }
}
