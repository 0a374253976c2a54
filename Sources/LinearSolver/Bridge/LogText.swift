import CGLPKGuard

/// Turns a C string buffer of fixed size (a `char[N]` imported as a tuple) into a Swift `String`.
func stringFromCBuffer<T>(_ tuple: T) -> String {
    withUnsafeBytes(of: tuple) { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }
}

/// Calls `body` with a zeroed message buffer of `capacity` bytes and returns its text afterwards.
func withMessageBuffer<R>(capacity: Int = 1024, _ body: (UnsafeMutablePointer<CChar>, Int) -> R) -> (R, String) {
    var buffer = [CChar](repeating: 0, count: capacity)
    let result = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, capacity) }
    let text = buffer.withUnsafeBufferPointer { b -> String in
        let end = b.firstIndex(of: 0) ?? b.count
        return String(decoding: b[0..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    return (result, text)
}
