/// One step of a path into a JSON document: an object member or an array element.
enum JSONPathStep: Equatable {
    case key(String)
    case index(Int)
}

/// A single pass over JSON text that checks the RFC 8259 grammar with a nesting limit and knows the line and
/// column of every byte: `check()` finds the first problem, `locate(_:)` the start of the value at a path.
///
/// The descent recurses once per level and stops at `maxDepth`, so hostile input (`[[[[...` a million deep)
/// is refused with its location before `JSONDecoder` would recurse into it. Columns count Unicode scalars
/// (UTF-8 continuation bytes do not start a column), as the YAML loader's do.
struct JSONSyntaxScan {
    /// A problem at a 1-based line and column.
    struct Problem {
        var line: Int
        var column: Int
        var message: String
        var kind: Diagnostic.Kind
    }

    private struct Failure: Error { var problem: Problem }

    let bytes: [UInt8]
    let maxDepth: Int
    private var i = 0
    private var line = 1
    private var lineStart = 0
    /// The path being searched for by `locate`, and where its value starts once found.
    private var target: [JSONPathStep]? = nil
    private var found: (line: Int, column: Int)? = nil
    private var foundDepth = -1

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// The first problem of the text, or nil when it is one well-formed JSON value within the depth limit.
    mutating func check() -> Problem? {
        reset(target: nil)
        do {
            try document()
            return nil
        } catch {
            return error.problem
        }
    }

    /// The line and column where the value at `path` starts (the nearest enclosing value found when the path
    /// goes further than the document), or nil when the text is not well formed.
    mutating func locate(_ path: [JSONPathStep]) -> (line: Int, column: Int)? {
        reset(target: path)
        do { try document() } catch { return nil }
        return found
    }

    private mutating func reset(target: [JSONPathStep]?) {
        i = 0; line = 1; lineStart = 0; found = nil; foundDepth = -1
        self.target = target
    }

    private var column: Int {
        var c = 1
        var k = lineStart
        while k < i && k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        return c
    }

    private func fail(_ message: String, kind: Diagnostic.Kind = .malformedFile) -> Failure {
        Failure(problem: Problem(line: line, column: column, message: message, kind: kind))
    }

    private mutating func document() throws(Failure) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3; lineStart = 3 }
        skipSpace()
        guard i < bytes.count else { throw fail("the file is empty; expected a JSON value", kind: .empty) }
        try value(depth: 0, path: target == nil ? nil : [])
        skipSpace()
        guard i == bytes.count else { throw fail("not valid JSON: unexpected \(shown(i)) after the end of the document") }
    }

    /// One value; `path` is its place in the document, tracked only while `locate` searches (nil otherwise).
    private mutating func value(depth: Int, path: [JSONPathStep]?) throws(Failure) {
        if let path, let target, path.count > foundDepth, target.starts(with: path) {
            found = (line, column)
            foundDepth = path.count
        }
        guard i < bytes.count else { throw fail("not valid JSON: the text ends where a value is expected") }
        switch bytes[i] {
        case UInt8(ascii: "{"): try object(depth: depth + 1, path: path)
        case UInt8(ascii: "["): try array(depth: depth + 1, path: path)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: throw fail("not valid JSON: unexpected \(shown(i)) where a value is expected")
        }
    }

    private mutating func enter(_ depth: Int) throws(Failure) {
        guard depth <= maxDepth else {
            throw fail("nesting deeper than \(maxDepth) levels; a fabplan JSON file needs far fewer", kind: .hostileInput)
        }
        i += 1
        skipSpace()
    }

    private mutating func object(depth: Int, path: [JSONPathStep]?) throws(Failure) {
        try enter(depth)
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return }
        while true {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw fail("not valid JSON: expected a key in quotes, found \(shown(i))")
            }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw fail("not valid JSON: expected ':' after the key \"\(key)\", found \(shown(i))")
            }
            i += 1
            skipSpace()
            try value(depth: depth, path: path.map { $0 + [.key(key)] })
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: ",") { i += 1; skipSpace(); continue }
            if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return }
            throw fail("not valid JSON: expected ',' or '}' in an object, found \(shown(i))")
        }
    }

    private mutating func array(depth: Int, path: [JSONPathStep]?) throws(Failure) {
        try enter(depth)
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return }
        var index = 0
        while true {
            try value(depth: depth, path: path.map { $0 + [.index(index)] })
            index += 1
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: ",") { i += 1; skipSpace(); continue }
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return }
            throw fail("not valid JSON: expected ',' or ']' in a list, found \(shown(i))")
        }
    }

    /// A string starting at the opening quote; returns its text with simple escapes undone (for keys).
    private mutating func string() throws(Failure) -> String {
        i += 1
        var text: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &text)
            case 0..<0x20:
                throw fail("not valid JSON: a control character (byte \(b)) inside a string; write it as an escape")
            default:
                text.append(b)
                i += 1
            }
        }
        throw fail("not valid JSON: the text ends inside a string")
    }

    private mutating func escape(into text: inout [UInt8]) throws(Failure) {
        guard i + 1 < bytes.count else { throw fail("not valid JSON: the text ends inside a string") }
        let e = bytes[i + 1]
        let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A,
                                      0x72: 0x0D, 0x74: 0x09]
        if let c = simple[e] { text.append(c); i += 2; return }
        guard e == UInt8(ascii: "u") else { throw fail("not valid JSON: unknown escape '\\\(Character(Unicode.Scalar(e)))'") }
        guard i + 5 < bytes.count, bytes[(i + 2)...(i + 5)].allSatisfy(Self.isHex) else {
            throw fail("not valid JSON: \\u must be followed by four hexadecimal digits")
        }
        text.append(UInt8(ascii: "?")) // keys with \u escapes are not fabplan keys; the exact text does not matter
        i += 6
    }

    private mutating func number() throws(Failure) {
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, Self.isDigit(bytes[i]) else { throw fail("not valid JSON: a number needs digits") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { skipDigits() }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, Self.isDigit(bytes[i]) else { throw fail("not valid JSON: digits must follow '.'") }
            skipDigits()
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < bytes.count, Self.isDigit(bytes[i]) else { throw fail("not valid JSON: the exponent needs digits") }
            skipDigits()
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let w = Array(word.utf8)
        guard bytes.count - i >= w.count, Array(bytes[i..<(i + w.count)]) == w else {
            throw fail("not valid JSON: unexpected \(shown(i)) where a value is expected")
        }
        i += w.count
    }

    private mutating func skipDigits() { while i < bytes.count && Self.isDigit(bytes[i]) { i += 1 } }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A: i += 1; line += 1; lineStart = i
            default: return
            }
        }
    }

    /// The character at `k` for a message: `'x'`, or "the end of the text".
    private func shown(_ k: Int) -> String {
        guard k < bytes.count else { return "the end of the text" }
        let b = bytes[k]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isHex(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }
}
