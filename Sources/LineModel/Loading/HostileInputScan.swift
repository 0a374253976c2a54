/// A single pass over the raw bytes of a model file, run *before* the YAML parser sees them, that refuses input
/// built to exhaust the loader:
///
/// - nesting deeper than `LoaderLimits.maxNestingDepth` (the parser and composer recurse per level, so
///   `[[[[...` a hundred thousand deep would exhaust the stack);
/// - more than `LoaderLimits.maxAliases` alias uses (`*name`): the classic "billion laughs" bomb needs a chain of
///   anchors each used many times; the walker's node budget catches what slips through;
/// - an alias used as a mapping *key*: the composer hashes keys to find duplicates, and hashing an aliased tree
///   costs its fully expanded size.
///
/// The depth estimate is conservative: flow brackets, plus block indentation levels, plus block indicators
/// (`- `, `? `) at the start of a line. Quoted strings, comments and block scalars (`|`, `>`) are skipped.
struct HostileInputScan {
    /// The first problem found, as (1-based line, 1-based column, message), or nil for clean input.
    struct Finding {
        var line: Int
        var column: Int
        var message: String
    }

    static func scan(_ bytes: [UInt8], limits: LoaderLimits) -> Finding? {
        var state = Scanner(bytes: bytes, limits: limits)
        return state.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        let limits: LoaderLimits
        var i = 0
        var line = 1
        var lineStart = 0
        var flowDepth = 0
        var aliasCount = 0
        var indentStack: [Int] = []
        /// Indent of the line that opened a block scalar; lines indented more belong to the scalar.
        var blockScalarIndent: Int? = nil
        var quote: UInt8? = nil

        init(bytes: [UInt8], limits: LoaderLimits) {
            self.bytes = bytes
            self.limits = limits
        }

        mutating func finding(_ message: String, at index: Int) -> Finding {
            Finding(line: line, column: index - lineStart + 1, message: message)
        }

        static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        static func isBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
        static func isAnchorChar(_ b: UInt8) -> Bool {
            // libyaml anchors: alphanumerics, '-', '_' (and any non-ASCII byte of a UTF-8 sequence).
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == 0x2D || b == 0x5F || b >= 0x80
        }

        mutating func run() -> Finding? {
            let n = bytes.count
            while i < n {
                // At the start of a line (outside a quoted string): indentation, block scalars, block depth.
                if quote == nil {
                    var j = i
                    while j < n, bytes[j] == 0x20 { j += 1 }
                    let indent = j - i
                    let blank = j >= n || Self.isBreak(bytes[j]) || bytes[j] == 0x23 // '#'
                    if let scalarIndent = blockScalarIndent {
                        if blank || indent > scalarIndent {
                            skipToNextLine()
                            continue
                        }
                        blockScalarIndent = nil
                    }
                    if !blank && flowDepth == 0 {
                        while let top = indentStack.last, top >= indent { _ = top; indentStack.removeLast() }
                        indentStack.append(indent)
                        // Block indicators "- " or "? " stacked on one line each open a level.
                        var k = j
                        var indicators = 0
                        while k + 1 < n, bytes[k] == 0x2D || bytes[k] == 0x3F, Self.isSpace(bytes[k + 1]) {
                            indicators += 1
                            k += 2
                            while k < n, Self.isSpace(bytes[k]) { k += 1 }
                        }
                        if indentStack.count + indicators > limits.maxNestingDepth {
                            return finding(
                                "lists and maps are nested more than \(limits.maxNestingDepth) levels deep; "
                                    + "a line model never needs this (refused to protect the loader)", at: j)
                        }
                    }
                    i = j
                }
                if let f = scanLineBody() { return f }
            }
            return nil
        }

        mutating func skipToNextLine() {
            let n = bytes.count
            while i < n, !Self.isBreak(bytes[i]) { i += 1 }
            consumeBreak()
        }

        mutating func consumeBreak() {
            let n = bytes.count
            if i < n, bytes[i] == 0x0D { i += 1 }
            if i < n, bytes[i] == 0x0A { i += 1 }
            line += 1
            lineStart = i
        }

        /// Scans from `i` to the end of the line (or further inside a quoted string). Returns a finding or nil.
        mutating func scanLineBody() -> Finding? {
            let n = bytes.count
            var lastSignificant: UInt8 = 0x20 // last non-space byte outside quotes/comments on this line
            var previous: UInt8 = 0x20
            while i < n {
                let b = bytes[i]
                if Self.isBreak(b) {
                    if quote == nil, flowDepth == 0, lastSignificant == 0x7C || lastSignificant == 0x3E {
                        blockScalarIndent = currentIndent()
                    }
                    consumeBreak()
                    return nil
                }
                if let q = quote {
                    if q == 0x22, b == 0x5C { i += 2; previous = 0x20; continue } // backslash escape in "..."
                    if b == q {
                        if q == 0x27, i + 1 < n, bytes[i + 1] == 0x27 { i += 2; continue } // '' in '...'
                        quote = nil
                        lastSignificant = b
                    }
                    i += 1
                    previous = b
                    continue
                }
                switch b {
                case 0x22, 0x27: // " '
                    // A quoted scalar starts only where a scalar may start: after a block indicator or at the
                    // start of a line, or after a flow indicator. Inside a plain scalar (`a:"b`, `12 " x`) a quote
                    // is just a character. Misreading one way only makes the scan stricter, and libyaml's own
                    // nesting limit (1000) backs it up.
                    let afterBlockIndicator = Self.isSpace(previous)
                        && [0x20, 0x3A, 0x2D, 0x3F, 0x2C, 0x5B, 0x7B].contains(lastSignificant)
                    let afterFlowIndicator = flowDepth > 0 && [0x5B, 0x7B, 0x2C, 0x3A].contains(previous)
                    if afterBlockIndicator || afterFlowIndicator { quote = b }
                case 0x23: // '#': comment when at a token boundary
                    if Self.isSpace(previous) || i == lineStart {
                        while i < n, !Self.isBreak(bytes[i]) { i += 1 }
                        if flowDepth == 0, lastSignificant == 0x7C || lastSignificant == 0x3E {
                            blockScalarIndent = currentIndent()
                        }
                        if i < n { consumeBreak() }
                        return nil
                    }
                case 0x5B, 0x7B: // [ {
                    flowDepth += 1
                    if flowDepth + indentStack.count > limits.maxNestingDepth {
                        return finding(
                            "lists and maps are nested more than \(limits.maxNestingDepth) levels deep; "
                                + "a line model never needs this (refused to protect the loader)", at: i)
                    }
                case 0x5D, 0x7D: // ] }
                    if flowDepth > 0 { flowDepth -= 1 }
                    var m = i + 1
                    while m < n, Self.isSpace(bytes[m]) { m += 1 }
                    if m < n, bytes[m] == 0x3A,
                        m + 1 >= n || Self.isSpace(bytes[m + 1]) || Self.isBreak(bytes[m + 1]) {
                        return finding("a list or map may not be used as a map key; keys are plain names", at: i)
                    }
                case 0x3F: // '?': complex-key indicator when it starts a token and a space follows
                    let startsEntry = lastSignificant == 0x20 || lastSignificant == 0x2D || lastSignificant == 0x7B
                        || lastSignificant == 0x5B || lastSignificant == 0x2C
                    if startsEntry, Self.isTokenStart(previous),
                        i + 1 >= n || Self.isSpace(bytes[i + 1]) || Self.isBreak(bytes[i + 1]) {
                        return finding("complex keys ('? ') are not used in line models; write 'key: value'", at: i)
                    }
                case 0x2A: // '*': alias when it starts a token and a name follows
                    if Self.isTokenStart(previous), i + 1 < n, Self.isAnchorChar(bytes[i + 1]) {
                        aliasCount += 1
                        if aliasCount > limits.maxAliases {
                            return finding(
                                "more than \(limits.maxAliases) aliases (*name); refused as a possible alias bomb",
                                at: i)
                        }
                        let start = i
                        var k = i + 1
                        while k < n, Self.isAnchorChar(bytes[k]) { k += 1 }
                        var m = k
                        while m < n, Self.isSpace(bytes[m]) { m += 1 }
                        let usedAsKey = m < n && bytes[m] == 0x3A
                            && (m + 1 >= n || Self.isSpace(bytes[m + 1]) || Self.isBreak(bytes[m + 1])
                                || bytes[m + 1] == 0x2C || bytes[m + 1] == 0x7D || bytes[m + 1] == 0x5D)
                        if usedAsKey {
                            return finding(
                                "an alias (*name) may not be used as a map key; write the key out", at: start)
                        }
                        i = k
                        previous = bytes[k - 1]
                        lastSignificant = previous
                        continue
                    }
                default:
                    break
                }
                if !Self.isSpace(b) { lastSignificant = b }
                previous = b
                i += 1
            }
            return nil
        }

        func currentIndent() -> Int {
            var k = lineStart
            while k < bytes.count, bytes[k] == 0x20 { k += 1 }
            return k - lineStart
        }

        static func isTokenStart(_ previous: UInt8) -> Bool {
            isSpace(previous) || previous == 0x5B || previous == 0x7B || previous == 0x2C || previous == 0x3A
                || previous == 0x2D || previous == 0x3F
        }
    }
}
