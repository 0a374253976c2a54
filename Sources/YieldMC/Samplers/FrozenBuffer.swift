/// An immutable block of values with a stable address: written once in `init`, freed in `deinit`, so raw pointers
/// into it stay valid for as long as the buffer lives and it is safe to share between threads. The trial kernel
/// reads tables through such pointers (a trivially copyable view costs no reference counting per call).
@usableFromInline
final class FrozenBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    /// The first value.
    @usableFromInline let base: UnsafePointer<Element>

    init(_ values: [Element]) {
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(values.count, 1))
        storage.initialize(from: values, count: values.count)
        base = UnsafePointer(storage)
    }

    deinit { UnsafeMutablePointer(mutating: base).deallocate() }
}
