import Foundation

/// Writes output files atomically: the bytes go to a temporary file in the same folder, which is then renamed
/// over the target, so a reader never sees a half-written file and a failure leaves no partial output.
///
/// Temporary files are named `.<name>.fabplan-tmp-<pid>-<random>`. A run killed before its rename (kill -9,
/// a crash, a power cut) leaves one behind; every later write into the same folder removes those whose
/// process is gone, so litter never outlives the next run.
enum AtomicFile {
    /// The marker in temporary file names; the process id follows it.
    static let marker = ".fabplan-tmp-"

    static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    static func write(_ data: Data, to path: String) throws {
        if isSpecialFile(path) { return try writeInto(path, data) }
        try produce(path) { temporary in try writeNew(data, to: temporary, label: path) }
    }

    /// Lets `body` create the file at a temporary path, then puts it in place: renamed over a regular file (or a
    /// new name), the temporary file beside it; or, for a special file (/dev/null, /dev/stdout, a FIFO), which
    /// must be written into and never replaced, copied into it from a temporary file in the system's temporary
    /// folder (nothing is created beside a device). The temporary file is removed on every failure.
    /// - Throws: `CLIError.io` (exit 6) for anything that cannot be written.
    static func produce(_ path: String, _ body: (String) throws -> Void) throws {
        let special = isSpecialFile(path)
        let url = URL(fileURLWithPath: path)
        let dir = special ? FileManager.default.temporaryDirectory.path : url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw CLIError.io("cannot write \(path): folder \(dir) does not exist")
        }
        removeStaleTemporaries(in: dir)
        let temporary = dir + "/." + url.lastPathComponent + marker + "\(getpid())-"
            + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        defer { unlink(temporary) } // gone after a rename; removed after a failure or a copy
        do { try body(temporary) } catch let e as CLIError { throw e } catch {
            throw CLIError.io("cannot write \(path): \(error)")
        }
        if special {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: temporary)) } catch {
                throw CLIError.io("cannot write \(path): \(error.localizedDescription)")
            }
            try writeInto(path, data)
        } else if rename(temporary, path) != 0 {
            throw CLIError.io("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// True when `path` exists and is not a regular file (a device, a FIFO, a socket).
    static func isSpecialFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG && (st.st_mode & S_IFMT) != S_IFDIR
    }

    /// Creates `path` (which must not exist) holding `data`; every write and the close are checked.
    static func writeNew(_ data: Data, to path: String, label: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw CLIError.io("cannot write \(label): \(String(cString: strerror(errno)))") }
        do {
            try StandardStream(fileDescriptor: fd, name: label).write(data)
        } catch {
            close(fd)
            throw error
        }
        if close(fd) != 0 { throw CLIError.io("cannot write \(label): \(String(cString: strerror(errno)))") }
    }

    /// Writes `data` into the existing special file `path`; every write is checked.
    static func writeInto(_ path: String, _ data: Data) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CLIError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try StandardStream(fileDescriptor: fd, name: path).write(data)
    }

    /// Removes temporary files of fabplan runs that no longer exist from `dir` (best effort: a file that
    /// cannot be removed stays for a later run).
    static func removeStaleTemporaries(in dir: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names {
            guard let pid = ownerProcess(ofTemporary: name), !processIsAlive(pid) else { continue }
            unlink(dir + "/" + name)
        }
    }

    /// The process id in a temporary file's name (`...fabplan-tmp-<pid>-<hex>...`), or nil for other names.
    static func ownerProcess(ofTemporary name: String) -> pid_t? {
        guard name.hasPrefix("."), let range = name.range(of: marker) else { return nil }
        let rest = name[range.upperBound...]
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { return nil }
        let tail = rest[rest.index(after: dash)...].prefix { $0 != "." }
        guard !tail.isEmpty, tail.allSatisfy(\.isHexDigit) else { return nil }
        return pid
    }

    /// True unless no process has id `pid` (a process of another user counts as alive).
    static func processIsAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }
}
