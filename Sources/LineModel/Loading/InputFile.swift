import Foundation
import Synchronization

/// Reads the bytes of an input file (a line model, a scenario, a plan or a sweep shard) safely.
///
/// - Only regular files are read, or standard input when the path is `-`. A FIFO, a device, a socket or a folder
///   is refused at once, before anything is read from it (opening a FIFO would otherwise block until a writer
///   comes, and `/dev/zero` never ends). The check is made on the opened descriptor too, so a file swapped for a
///   FIFO between the check and the open is refused as well.
/// - The size is bounded: the size the file system reports is checked first, then the read itself stops at the
///   limit, so files whose reported size is wrong (`/proc` files report 0) are read to their real end and still
///   bounded.
/// - Standard input is read once per process and kept, so a command that reads its input more than once (a
///   sweep parses the model on every worker) sees the same bytes each time.
public enum InputFile {
    /// The path that stands for standard input.
    public static let standardInputPath = "-"

    /// Why an input file cannot be read, in words for the message (`file: error: ...`).
    public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The path as given.
        public var path: String
        /// What is wrong, e.g. "is a FIFO (named pipe), not a regular file".
        public var reason: String
        /// True when the file is larger than the limit (the loader reports it as `.tooLarge`).
        public var tooLarge: Bool
        /// `path: reason`.
        public var description: String { "\(path): \(reason)" }
    }

    /// The bytes of the regular file at `path` (or of standard input for `-`), at most `maxBytes` of them.
    /// - Throws: `ReadError` naming the path and the reason.
    public static func read(path: String, maxBytes: Int) throws(ReadError) -> Data {
        if path == standardInputPath { return try StandardInputCache.shared.data(maxBytes: maxBytes) }
        var st = stat()
        guard stat(path, &st) == 0 else { throw ReadError(path: path, reason: reason(errno), tooLarge: false) }
        if let kind = specialKind(st.st_mode) { throw refusal(path, kind) }
        if Int(st.st_size) > maxBytes { throw tooLarge(path, bytes: Int(st.st_size), maxBytes: maxBytes) }
        // O_NONBLOCK: should the path have become a FIFO since the stat, the open must not wait for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(path: path, reason: reason(errno), tooLarge: false) }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0 else { throw ReadError(path: path, reason: reason(errno), tooLarge: false) }
        if let kind = specialKind(opened.st_mode) { throw refusal(path, kind) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return try readAll(fd, path: path, maxBytes: maxBytes)
    }

    /// Reads `fd` to its end, refusing more than `maxBytes`.
    static func readAll(_ fd: Int32, path: String, maxBytes: Int) throws(ReadError) -> Data {
        var data = Data()
        let chunkBytes = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, chunkBytes) }
            if n == 0 { return data }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: reason(errno), tooLarge: false)
            }
            data.append(contentsOf: buffer[0..<n])
            if data.count > maxBytes { throw tooLarge(path, bytes: nil, maxBytes: maxBytes) }
        }
    }

    /// The name of a file type that is not read as input, or nil for a regular file.
    static func specialKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    static func refusal(_ path: String, _ kind: String) -> ReadError {
        ReadError(path: path, reason: "is \(kind), not a regular file; give a regular file, or - for standard input",
                  tooLarge: false)
    }

    static func tooLarge(_ path: String, bytes: Int?, maxBytes: Int) -> ReadError {
        let size = bytes.map { "the file is \($0) bytes" } ?? "the file is larger than \(maxBytes) bytes"
        return ReadError(path: path, reason: "\(size); at most \(maxBytes) bytes are read", tooLarge: true)
    }

    /// A short reason for an `errno` of stat/open/read.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case ENOTDIR: return "no such file (a part of the path is not a folder)"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a folder, not a regular file"
        case ELOOP: return "too many symbolic links"
        case ENAMETOOLONG: return "the path is too long"
        default: return "cannot read the file (\(String(cString: strerror(code))))"
        }
    }
}

/// Standard input, read once on first use and kept for the life of the process (as bytes: an array is a plain
/// reference that leak checkers see from this global, unlike `Data`'s packed slice representation).
final class StandardInputCache: Sendable {
    static let shared = StandardInputCache()
    private let state = Mutex<Result<[UInt8], InputFile.ReadError>?>(nil)

    func data(maxBytes: Int) throws(InputFile.ReadError) -> Data {
        let result = state.withLock { cached -> Result<[UInt8], InputFile.ReadError> in
            if let cached { return cached }
            let read = Result { () throws(InputFile.ReadError) -> [UInt8] in
                [UInt8](try InputFile.readAll(STDIN_FILENO, path: InputFile.standardInputPath, maxBytes: maxBytes))
            }
            cached = read
            return read
        }
        let bytes = try result.get()
        if bytes.count > maxBytes { throw InputFile.tooLarge(InputFile.standardInputPath, bytes: bytes.count, maxBytes: maxBytes) }
        return Data(bytes)
    }
}
