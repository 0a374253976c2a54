import Foundation

/// Runs the built `fabplan` executable (it sits next to the test bundle in the build folder) and captures
/// its exit code, standard output and standard error. End-to-end tests drive real command lines with it.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLIRunner {
    static var executable: URL {
        // The test process is <build>/fabplanPackageTests.xctest (Linux) or inside it; the CLI is <build>/fabplan.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("fabplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: packageRoot() + "/.build/debug/fabplan")
    }

    /// Runs `fabplan args...` in the package root, with `environment` added to the test's own.
    static func run(_ args: [String], environment: [String: String] = [:]) throws -> CLIResult {
        try run(executable, args, environment: environment)
    }

    /// Runs any program (the browser, Python) the same way.
    static func run(_ program: URL, _ args: [String], environment: [String: String] = [:]) throws -> CLIResult {
        let p = Process()
        p.executableURL = program
        p.arguments = args
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        p.currentDirectoryURL = URL(fileURLWithPath: packageRoot())
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes concurrently with the process so large outputs cannot dead-lock it.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return CLIResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension CLIRunner {
    /// Runs `fabplan args...` with its standard output sent to the file at `stdoutPath` (e.g. /dev/full), or
    /// with `stdin` as its standard input; kills it after `timeoutSeconds` (status then is SIGKILL's 9 as a
    /// signal, reported as `status == -9`) and returns the wall time too.
    static func run(_ args: [String], stdin: Data? = nil, stdoutPath: String? = nil,
                    timeoutSeconds: Double) throws -> (result: CLIResult, seconds: Double) {
        let p = Process()
        p.executableURL = executable
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: packageRoot())
        let out = Pipe(), err = Pipe(), input = Pipe()
        let sink = stdoutPath.flatMap { FileHandle(forWritingAtPath: $0) }
        p.standardOutput = sink ?? out
        p.standardError = err
        p.standardInput = stdin == nil ? FileHandle.nullDevice : input
        let start = Date()
        try p.run()
        if let stdin {
            try input.fileHandleForWriting.write(contentsOf: stdin)
            try input.fileHandleForWriting.close()
        }
        let killer = DispatchWorkItem { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: killer)
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = sink == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        group.wait()
        p.waitUntilExit()
        killer.cancel()
        try? sink?.close()
        let status = p.terminationReason == .uncaughtSignal ? -p.terminationStatus : p.terminationStatus
        return (CLIResult(status: status, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self)), Date().timeIntervalSince(start))
    }
}
