extension Xoshiro256x4 {
    /// Per lane, the sum over the entries w of `probabilities` of Binomial(`n`, probabilities[w][lane]): the good dies
    /// of a die type's wafers, one binomial per wafer with its own yield p = e^(−A·D).
    ///
    /// With 20 ≤ n < `LogFactorialTable.count`, the draws with n·min(p, 1 − p) ≥ 10 run BTRD **streaming**
    /// (the others are made first, by the lock-step sampler's inversion, and skipped by the streaming loop): each round is one BTRD attempt (Hörmann's step 1, or steps 2–3 with the exact
    /// test in log space from the log-factorial table) in every lane, all of it branch-free; a lane that accepts adds
    /// its k and loads its next wafer's p (and the setup for it), a lane that rejects retries, so no lane waits for
    /// the others (the lock-step `binomial(count:probability:)` runs until all four lanes accept). Attempts are
    /// independent and each uses fresh uniforms of the lane's own stream, so every draw is exactly BTRD's
    /// Binomial(n, p). Lanes whose wafers are done keep drawing (discarded) until all are done; a skipped entry costs
    /// one discarded draw at p = ½. Other n: one wafer at a time with `binomial(count:probability:)`.
    @inlinable
    public mutating func binomialSum(count n: Double, probabilities: UnsafeBufferPointer<SIMD4<Double>>) -> SIMD4<Double> {
        let waferCount = probabilities.count
        guard waferCount > 0 else { return .zero }
        let nv = SIMD4<Double>(repeating: n)
        var sum = SIMD4<Double>.zero
        guard n >= 20 && n < Double(LogFactorialTable.count) && n == n.rounded() else {
            for p in probabilities { sum += binomial(count: nv, probability: p) }
            return sum
        }
        // Draws BTRD cannot take (n·min(p, 1 − p) < 10, e.g. a wafer with almost no defects) are made here, by the
        // lock-step sampler's inversion; the streaming loop skips them.
        for p in probabilities {
            let eligible = nv * VectorMath.min(p, 1.0 - p) .>= 10
            if !all(eligible) {
                sum += binomial(count: nv, probability: p.replacing(with: 0, where: eligible))
            }
        }
        let table = LogFactorialTable.values
        let last = Int64(waferCount - 1)
        var index = SIMD4<Int64>.zero
        var live = index .<= SIMD4(repeating: last)
        var p = probabilities[0]
        var skip = .!(nv * VectorMath.min(p, 1.0 - p) .>= 10)
        var setup = BTRDStreamSetup(n: nv, p: p.replacing(with: 0.5, where: skip), table: table)
        while any(live) {
            let s = setup.btrd
            let v = uniform()
            let w = uniform()
            let x = v / s.vr
            // Step 1 (fast path).
            let fast = v .<= s.urvr
            let u1 = x - 0.43
            let k1 = VectorMath.floor((2.0 * s.a / (0.5 - VectorMath.abs(u1)) + s.b) * u1 + s.c)
            // Step 2.
            let high = v .>= s.vr
            let u0 = x - 0.93
            let reflected = SIMD4<Double>(repeating: 0.5).replacing(with: -0.5, where: u0 .< 0) - u0
            let u = reflected.replacing(with: w - 0.5, where: high)
            let v2 = (w * s.vr).replacing(with: v, where: high)
            // Step 3.0 and the exact test v ≤ f(k)/f(m) in log space.
            let us = 0.5 - VectorMath.abs(u)
            let k2 = VectorMath.floor((2.0 * s.a / us + s.b) * u + s.c)
            let inRange = (k2 .>= 0) .& (k2 .<= nv)
            let kk = k2.replacing(with: s.m, where: .!inRange)
            let vs = v2 * s.alpha / (s.a / (us * us) + s.b)
            let logFk = LogFactorialTable.lookup(kk, in: table) + LogFactorialTable.lookup(nv - kk, in: table)
            let logV = VectorMath.log(vs.replacing(with: 1, where: .!(vs .> 0)))
            let bound: SIMD4<Double> = setup.logFm - logFk + (kk - s.m) * setup.logR
            let slowAccept = inRange .& ((vs .<= 0) .| (logV .<= bound))
            let accepted = live .& (fast .| slowAccept)
            if any(accepted) {
                let k = k1.replacing(with: k2, where: .!fast)
                let value = k.replacing(with: nv - k, where: setup.flip)
                sum += value.replacing(with: 0, where: .!accepted .| skip)
                // Mask lanes are −1 when true: subtracting the mask adds 1 to the accepting lanes' wafer index.
                index = index &- unsafeBitCast(accepted, to: SIMD4<Int64>.self)
                live = index .<= SIMD4(repeating: last)
                let reload = accepted .& live
                if any(reload) {
                    let i = index.replacing(with: SIMD4(repeating: last), where: .!live)
                    let next = SIMD4(probabilities[Int(i[0])][0], probabilities[Int(i[1])][1],
                                     probabilities[Int(i[2])][2], probabilities[Int(i[3])][3])
                    p = p.replacing(with: next, where: reload)
                    skip = .!(nv * VectorMath.min(p, 1.0 - p) .>= 10)
                    setup = BTRDStreamSetup(n: nv, p: p.replacing(with: 0.5, where: skip), table: table)
                }
            }
        }
        return sum
    }
}

/// BTRD constants for four lanes of one streaming round: the setup for p' = min(p, 1 − p) (`flip` where p > ½, the
/// draw is then n − k), and for the exact test ln m! + ln(n − m)! and ln(p'/(1 − p')).
@frozen @usableFromInline
struct BTRDStreamSetup {
    @usableFromInline let btrd: BTRDSetup
    @usableFromInline let flip: SIMDMask<SIMD4<Int64>>
    @usableFromInline let logFm: SIMD4<Double>
    @usableFromInline let logR: SIMD4<Double>

    @inlinable @inline(__always)
    init(n: SIMD4<Double>, p: SIMD4<Double>, table: UnsafePointer<Double>) {
        flip = p .> 0.5
        let pp = p.replacing(with: 1.0 - p, where: flip)
        btrd = BTRDSetup(n: n, p: pp, q: 1.0 - pp)
        logFm = LogFactorialTable.lookup(btrd.m, in: table) + LogFactorialTable.lookup(n - btrd.m, in: table)
        logR = VectorMath.log(btrd.r)
    }
}
