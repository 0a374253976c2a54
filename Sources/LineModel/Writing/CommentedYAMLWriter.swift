// Writes a model as block YAML with comments (for importers, whose every assumption is said in the file).
// Lists of maps are written one entry per line in flow style, except entries that hold such lists themselves
// (sites, products), which are written as blocks; the loader reads the text back to the same model.

extension LineModelWriter {
    /// The model as YAML: `header` lines as comments on top, and `comments[path]` above the entry at `path`,
    /// a path naming list entries by index as written, e.g. `sites[0].stations[3]` or `products[1].route[12]`
    /// (a product's route entries counted with its delay steps, in route order).
    public static func yaml(_ model: LineModel, header: [String] = [], comments: [String: String] = [:]) -> String {
        var out = ""
        for line in header { out.append(commentLines(line, pad: "")) }
        guard case .object(let fields) = value(of: model) else { return out }
        writeBlock(fields, indent: 0, path: "", comments: comments, firstPrefix: nil, into: &out)
        return out
    }

    static func commentLines(_ text: String, pad: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + "# " + $0 + "\n" }.joined()
    }

    /// Keys whose lists are written one entry per line (the rest in flow style).
    static let blockKeys: Set<String> = ["sites", "stations", "products", "route", "periods", "die_types",
                                         "die_suppliers"]

    /// Whether a value is a list of maps under a block key, or a map holding one (then it is written as a block).
    static func holdsListOfObjects(_ v: Value, key: String = "") -> Bool {
        switch v {
        case .list(let items):
            return blockKeys.contains(key) && items.contains { if case .object = $0 { return true } else { return false } }
        case .object(let fields): return fields.contains { holdsListOfObjects($0.1, key: $0.0) }
        default: return false
        }
    }

    static func writeBlock(_ fields: [(String, Value)], indent: Int, path: String, comments: [String: String],
                           firstPrefix: String?, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (i, (key, v)) in fields.enumerated() {
            let lead = (i == 0 ? firstPrefix : nil) ?? pad
            let keyPath = path.isEmpty ? key : path + "." + key
            guard holdsListOfObjects(v, key: key) else {
                out.append(lead + Self.key(key) + ": " + flow(v) + "\n")
                continue
            }
            out.append(lead + Self.key(key) + ":\n")
            switch v {
            case .list(let items):
                for (k, item) in items.enumerated() {
                    let itemPath = "\(keyPath)[\(k)]"
                    if let c = comments[itemPath] { out.append(commentLines(c, pad: pad + "  ")) }
                    if case .object(let inner) = item, holdsListOfObjects(item) {
                        writeBlock(inner, indent: indent + 4, path: itemPath, comments: comments,
                                   firstPrefix: pad + "  - ", into: &out)
                    } else {
                        out.append(pad + "  - " + flow(item) + "\n")
                    }
                }
            case .object(let inner):
                writeBlock(inner, indent: indent + 2, path: keyPath, comments: comments, firstPrefix: nil, into: &out)
            default: break
            }
        }
    }

    /// One value in YAML flow style (JSON with bare keys).
    static func flow(_ v: Value) -> String {
        switch v {
        case .number(let x): return number(x)
        case .integer(let n): return String(n)
        case .text(let s): return quoted(s)
        case .list(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .object(let fields): return "{" + fields.map { key($0.0) + ": " + flow($0.1) }.joined(separator: ", ") + "}"
        }
    }

    /// A map key: bare when letters, digits and `_` only, else quoted.
    static func key(_ k: String) -> String {
        let bare = !k.isEmpty && k.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" }
        return bare ? k : quoted(k)
    }
}
