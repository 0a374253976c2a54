import Foundation

/// Writes output files atomically: the bytes go to a temporary file in the same folder, which is then renamed
/// over the target, so a reader never sees a half-written file and a failure leaves no partial output.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    static func write(_ data: Data, to path: String) throws {
        // A special file (/dev/null, /dev/stdout, a FIFO) must be written into, never replaced by a rename.
        var st = stat()
        if stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: path) else { throw CLIError.io("cannot write \(path)") }
            defer { try? handle.close() }
            do { try handle.write(contentsOf: data) } catch { throw CLIError.io("cannot write \(path): \(error)") }
            return
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw CLIError.io("cannot write \(path): folder \(dir.path) does not exist")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try data.write(to: tmp)
            if rename(tmp.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: tmp)
                throw CLIError.io("cannot write \(path): \(reason)")
            }
        } catch let e as CLIError {
            throw e
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw CLIError.io("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
