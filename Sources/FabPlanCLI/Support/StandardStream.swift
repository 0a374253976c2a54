import Foundation

/// Standard output or standard error, written with `write(2)` and checked: a short or failed write (a full
/// disk, `/dev/full`, a closed pipe) throws instead of being lost in a buffer that is flushed, unchecked, at
/// exit. Commands write their results through `OutputWriter`, which uses this for standard output.
struct StandardStream: Sendable {
    let fileDescriptor: Int32
    let name: String

    static let output = StandardStream(fileDescriptor: STDOUT_FILENO, name: "standard output")
    static let error = StandardStream(fileDescriptor: STDERR_FILENO, name: "standard error")

    /// Writes all of `data`, retrying interrupted and partial writes.
    /// - Throws: `CLIError.io` (exit 6) naming the stream and the reason.
    func write(_ data: Data) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fileDescriptor, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN { usleep(1000); continue } // a non-blocking descriptor that is full for now
                    throw CLIError.io("cannot write to \(name): \(String(cString: strerror(errno)))")
                }
                if n == 0 { throw CLIError.io("cannot write to \(name): nothing was written") }
                done += n
            }
        }
    }
}
