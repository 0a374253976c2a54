/// "Did you mean ...?" for unknown names and keys: the closest known name by edit distance.
enum Suggestions {
    /// Levenshtein distance between `a` and `b`, case-insensitive, capped work for long strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars)
        let y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The known name closest to `name`, if it is close enough to be a plausible typo
    /// (distance at most max(2, length / 3)), or if one contains the other.
    static func closest(to name: String, among known: [String]) -> String? {
        guard name.count <= 200 else { return nil }
        var best: (name: String, distance: Int)? = nil
        for candidate in known where candidate.count <= 200 {
            let d = editDistance(name, candidate)
            if let current = best, d >= current.distance { continue }
            best = (candidate, d)
        }
        guard let best else { return nil }
        let n = name.count
        let threshold = n <= 3 ? 1 : (n <= 8 ? 2 : n / 3)
        if best.distance <= threshold { return best.name }
        // A typo in the first part of a longer name ("instaled" for "installed_tools").
        if n >= 4 {
            for candidate in known where candidate.count > n {
                if editDistance(name, String(candidate.prefix(n))) <= threshold { return candidate }
            }
        }
        return nil
    }

    /// "; did you mean 'x'?" or "; known: a, b, c" (at most 8 listed), or "" when nothing is known.
    static func hint(for name: String, among known: [String], noun: String) -> String {
        if let match = closest(to: name, among: known) { return "; did you mean '\(match)'?" }
        if known.isEmpty { return "; no \(noun) is defined" }
        let shown = known.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        return "; known \(noun): \(shown)\(known.count > 8 ? ", ..." : "")"
    }
}
