import Foundation

/// The width tables are fitted to, in columns: `COLUMNS` when set to a positive number, else the terminal's
/// width when standard output is a terminal, else `fallbackColumns` (files and pipes).
enum TerminalWidth {
    /// Width used when output goes to a file or a pipe and `COLUMNS` is not set.
    static let fallbackColumns = 120

    static var current: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return n }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return fallbackColumns
    }
}
