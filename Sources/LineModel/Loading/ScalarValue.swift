import Yams

/// A scalar as the line-model format reads it. Plain scalars are typed by their text (YAML 1.2 core rules plus
/// `_` digit separators); quoted scalars are always text.
enum ScalarValue {
    case null
    case bool(Bool)
    case number(Double)
    /// `.nan`, `.inf`, `-.inf` and spellings like `nan` or `Infinity`.
    case nonFinite(String)
    case text(String)
}

extension NodeReader {
    static func format(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "infinity" : "-infinity" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }

    /// `text` cut to 60 characters for messages and key paths (hostile files may hold megabyte-long keys).
    static func shown(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(60)) + "..." : text
    }

    /// Describes a node for "expected X, found Y" messages.
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let s):
            switch Self.scalarValue(s) {
            case .null: return "nothing (null)"
            case .bool(let b): return "\(b)"
            case .number(let x): return "the number \(Self.format(x))"
            case .nonFinite(let t): return "'\(t)'"
            case .text(let t): return "text '\(t.count > 40 ? String(t.prefix(40)) + "..." : t)'"
            }
        }
    }

    static func scalarValue(_ scalar: Node.Scalar) -> ScalarValue {
        let text = scalar.string
        let tagName = scalar.tag.description
        if scalar.style != .plain && scalar.style != .any || tagName == Tag.Name.str.rawValue {
            return .text(text)
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let x = parseNumber(text) {
            return x.isFinite ? .number(x) : .nonFinite(text)
        }
        switch text.lowercased() {
        case ".nan", "nan", ".inf", "+.inf", "-.inf", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity":
            return .nonFinite(text)
        default:
            return .text(text)
        }
    }

    /// Decimal numbers with optional sign, fraction, exponent and `_` separators (`150_000_000`, `1.5e8`).
    /// Returns nil for anything else; may return infinity for overflowing exponents.
    static func parseNumber(_ text: String) -> Double? {
        var digits = 0
        var cleaned = ""
        cleaned.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "0"..."9": digits += 1; cleaned.unicodeScalars.append(c)
            case "+", "-", ".", "e", "E": cleaned.unicodeScalars.append(c)
            case "_": continue
            default: return nil
            }
        }
        guard digits > 0, cleaned.utf8.count <= 64 else { return nil }
        return Double(cleaned)
    }
}
