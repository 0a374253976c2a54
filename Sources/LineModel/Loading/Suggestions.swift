/// "Did you mean ...?" for unknown names and keys: the closest known name by edit distance.
enum Suggestions {
    /// Edit distance between `a` and `b` (insertions, deletions, substitutions and swaps of neighbours each
    /// count 1: the optimal-string-alignment form of Damerau-Levenshtein), case-insensitive.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars)
        let y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var twoBack = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                var d = min(previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = min(d, twoBack[j - 2] + 1) }
                current[j] = d
            }
            (twoBack, previous, current) = (previous, current, twoBack)
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
            var bestPrefix: (name: String, distance: Int)? = nil
            for candidate in known where candidate.count > n {
                let d = editDistance(name, String(candidate.prefix(n)))
                if let current = bestPrefix, d >= current.distance { continue }
                bestPrefix = (candidate, d)
            }
            if let bestPrefix, bestPrefix.distance <= threshold { return bestPrefix.name }
        }
        return nil
    }

    /// "; did you mean 'x'?" or "; known: a, b, c" (at most 8 listed), or "" when nothing is known.
    static func hint(for name: String, among known: [String], noun: String) -> String {
        if let match = closest(to: name, among: known) { return "; did you mean '\(match)'?" }
        if known.isEmpty { return "; none is defined" }
        let shown = known.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        return "; known \(noun): \(shown)\(known.count > 8 ? ", ..." : "")"
    }
}
