extension Xoshiro256x4 {
    /// Four binomial draws: good units out of `count` trials with success probability `probability`
    /// (per lane; `count` holds whole numbers as doubles, exact below 2^53).
    ///
    /// Algorithm: BTRD (Hörmann 1993, "The generation of binomial random variates") when n·min(p, 1−p) ≥ 10,
    /// SIMD sequential-search inversion below. All of BTRD runs on the four lanes in SIMD: the setup and the
    /// one-uniform fast path (taken by ≈ 86 %·v_r of draws, typically 65–80 %), then, for the lanes that missed it,
    /// the rejection steps 2–3 lane-synchronously with masks until every lane has accepted (`btrdRejection`).
    /// p > 1/2 is drawn as n − Binomial(n, 1 − p).
    @inlinable
    public mutating func binomial(count n: SIMD4<Double>, probability p: SIMD4<Double>) -> SIMD4<Double> {
        let flip = p .> 0.5
        let pp = p.replacing(with: 1.0 - p, where: flip)
        let qq = 1.0 - pp
        let np = n * pp
        let btrd = np .>= 10
        var k = SIMD4<Double>.zero
        if any(btrd) {
            // BTRD setup and step 1 (the fast path) for all lanes.
            let setup = BTRDSetup(n: n, p: pp, q: qq)
            let v = uniform()
            let u = v / setup.vr - 0.43
            let us = 0.5 - VectorMath.abs(u)
            k = VectorMath.floor((2.0 * setup.a / us + setup.b) * u + setup.c)
            let slow = btrd .& (v .> setup.urvr)
            if any(slow) {
                k = k.replacing(with: btrdRejection(setup, firstV: v, lanes: slow), where: slow)
            }
        }
        if !all(btrd) {
            let inversion = .!btrd .& (n .> 0) .& (pp .> 0)
            if any(inversion) {
                k = k.replacing(with: binomialInversion(n: n, p: pp, q: qq, lanes: inversion), where: inversion)
            }
            k = k.replacing(with: 0, where: .!(n .> 0) .| .!(pp .> 0))
        }
        return k.replacing(with: n - k, where: flip)
    }
}

/// The constants of BTRD (Hörmann 1993) for four lanes with p ≤ 1/2 (lanes with n·p < 10 hold meaningless values
/// that are never used): the hat's parameters a, b, c, v_r, the fast-path bound u_r·v_r = 0.86·v_r, the mode m,
/// r = p/q, (n + 1)·r and α = (2.83 + 5.1/b)·√(npq).
@frozen @usableFromInline
struct BTRDSetup {
    @usableFromInline let n: SIMD4<Double>
    @usableFromInline let npq: SIMD4<Double>
    @usableFromInline let a: SIMD4<Double>
    @usableFromInline let b: SIMD4<Double>
    @usableFromInline let c: SIMD4<Double>
    @usableFromInline let vr: SIMD4<Double>
    @usableFromInline let urvr: SIMD4<Double>
    @usableFromInline let m: SIMD4<Double>
    @usableFromInline let r: SIMD4<Double>
    @usableFromInline let nr: SIMD4<Double>
    @usableFromInline let alpha: SIMD4<Double>

    @inlinable @inline(__always)
    init(n: SIMD4<Double>, p: SIMD4<Double>, q: SIMD4<Double>) {
        self.n = n
        let np = n * p
        npq = np * q
        let sq = npq.squareRoot()
        b = 1.15 + 2.53 * sq
        let inverseB = 1.0 / b
        a = -0.0873 + 0.0248 * b + 0.01 * p
        c = np + 0.5
        vr = 0.92 - 4.2 * inverseB
        urvr = 0.86 * vr
        m = VectorMath.floor((n + 1.0) * p)
        r = p / q
        nr = (n + 1.0) * r
        alpha = (2.83 + 5.1 * inverseB) * sq
    }
}

extension Xoshiro256x4 {
    /// BTRD from step 2 for the lanes `lanes`, whose first uniform `firstV` missed the fast path; all four lanes run
    /// each round together (one or two vector uniforms per round; lanes already done draw and discard), a lane
    /// leaves the loop when it accepts. Per round and lane, as in Hörmann's steps 1–3.4:
    /// 1 (not in the first round) a new v, accepted at once if v ≤ u_r·v_r; 2 the point (u, v) under the hat
    /// outside the fast region; 3.0 k = ⌊(2a/u_s + b)·u + c⌋, rejected if outside [0, n]; 3.1 for |k − m| ≤ 15 the
    /// exact test v ≤ f(k)/f(m) by the recursive product (a masked loop up to the largest |k − m| among the lanes);
    /// 3.2–3.4 otherwise the squeeze on log v and, between the squeeze bounds, the exact test with Stirling tails.
    /// Lanes not in `lanes` return 0.
    @inlinable
    mutating func btrdRejection(_ s: BTRDSetup, firstV: SIMD4<Double>, lanes: SIMDMask<SIMD4<Int64>>) -> SIMD4<Double> {
        var result = SIMD4<Double>.zero
        var active = lanes
        var v = firstV
        var firstRound = true
        // With every lane's n below the log-factorial table's size, steps 3.1–3.4 are one exact test in log space
        // (log f(k)/f(m) from four table entries); otherwise the recursive product and the Stirling squeeze.
        let useTable = all((s.n .< Double(LogFactorialTable.count)) .| .!lanes)
        let table = LogFactorialTable.values
        var logFm = SIMD4<Double>.zero, logR = SIMD4<Double>.zero, mIdx = SIMD4<Double>.zero
        if useTable {
            mIdx = s.m.replacing(with: 0, where: .!lanes)
            let nIdx = s.n.replacing(with: 0, where: .!lanes)
            logFm = LogFactorialTable.lookup(mIdx, in: table) + LogFactorialTable.lookup(nIdx - mIdx, in: table)
            logR = VectorMath.log(s.r.replacing(with: 1, where: .!lanes))
        }
        while true {
            if !firstRound {
                // Step 1 again for the lanes that rejected.
                v = uniform()
                let fast = active .& (v .<= s.urvr)
                if any(fast) {
                    let u = v / s.vr - 0.43
                    let kFast = VectorMath.floor((2.0 * s.a / (0.5 - VectorMath.abs(u)) + s.b) * u + s.c)
                    result = result.replacing(with: kFast, where: fast)
                    active = active .& .!fast
                    if !any(active) { break }
                }
            }
            firstRound = false
            // Step 2: v ≥ v_r: u uniform on (−½, ½); otherwise u from v, reflected, and v redrawn on (0, v_r).
            let w = uniform()
            let high = v .>= s.vr
            let uFromV = v / s.vr - 0.93
            let reflected = SIMD4<Double>(repeating: 0.5).replacing(with: -0.5, where: uFromV .< 0) - uFromV
            let u = reflected.replacing(with: w - 0.5, where: high)
            let v2 = (w * s.vr).replacing(with: v, where: high)
            // Step 3.0.
            let us = 0.5 - VectorMath.abs(u)
            let k = VectorMath.floor((2.0 * s.a / us + s.b) * u + s.c)
            var live = active .& (k .>= 0) .& (k .<= s.n)
            let vs = v2 * s.alpha / (s.a / (us * us) + s.b)
            var accept = live .& (vs .<= 0)
            live = live .& .!accept
            if useTable {
                // v ≤ f(k)/f(m) ⇔ log v ≤ ln m! + ln(n−m)! − ln k! − ln(n−k)! + (k − m)·ln r.
                let kk = k.replacing(with: mIdx, where: .!live)
                let nn = s.n.replacing(with: 0, where: .!lanes)
                let logFk = LogFactorialTable.lookup(kk, in: table) + LogFactorialTable.lookup(nn - kk, in: table)
                let logV = VectorMath.log(vs.replacing(with: 1, where: .!live))
                let bound: SIMD4<Double> = logFm - logFk + (kk - mIdx) * logR
                accept = accept .| (live .& (logV .<= bound))
                result = result.replacing(with: k, where: accept)
                active = active .& .!accept
                if !any(active) { break }
                continue
            }
            let km = VectorMath.abs(k - s.m)
            // Step 3.1: f(k)/f(m) = Π (nr − r·i)/i over i from min(k, m) + 1 to max(k, m).
            let recursive = live .& (km .<= 15)
            if any(recursive) {
                let lo = VectorMath.min(k, s.m)
                let steps = km.replacing(with: 0, where: .!recursive)
                let last = Swift.max(Swift.max(steps[0], steps[1]), Swift.max(steps[2], steps[3]))
                var numerator = SIMD4<Double>.one, denominator = SIMD4<Double>.one
                var i = 1.0
                while i <= last {
                    let j = lo + i
                    let on = steps .>= SIMD4(repeating: i)
                    numerator = numerator.replacing(with: numerator * (s.nr - s.r * j), where: on)
                    denominator = denominator.replacing(with: denominator * j, where: on)
                    i += 1
                }
                // m < k: accept if v ≤ f(k)/f(m) = num/den; m > k: if v·f(m)/f(k) = v·num/den ≤ 1; m = k: v ≤ 1.
                let up = s.m .< k
                let left = vs * denominator.replacing(with: numerator, where: .!up)
                let right = numerator.replacing(with: denominator, where: .!up)
                accept = accept .| (recursive .& (left .<= right))
            }
            // Steps 3.2–3.4.
            let squeeze = live .& .!recursive
            if any(squeeze) {
                let logV = VectorMath.log(vs.replacing(with: 1, where: .!squeeze))
                let kmOverNpq: SIMD4<Double> = km / s.npq
                let cubic: SIMD4<Double> = (km / 3 + 0.625) * km + 1.0 / 6.0
                let rho: SIMD4<Double> = kmOverNpq * (cubic / s.npq + 0.5)
                let t: SIMD4<Double> = (0 - km * km) / (2 * s.npq)
                accept = accept .| (squeeze .& (logV .< t - rho))
                let exact = squeeze .& .!(logV .< t - rho) .& .!(logV .> t + rho)
                if any(exact) {
                    let kk = k.replacing(with: s.m, where: .!exact)
                    let nm: SIMD4<Double> = s.n - s.m + 1
                    let logM: SIMD4<Double> = VectorMath.log((s.m + 1) / (s.r * nm))
                    let h: SIMD4<Double> = (s.m + 0.5) * logM + stirlingTails(s.m) + stirlingTails(s.n - s.m)
                    let nk: SIMD4<Double> = s.n - kk + 1
                    let log1: SIMD4<Double> = VectorMath.log(nm / nk)
                    let log2: SIMD4<Double> = VectorMath.log(nk * s.r / (kk + 1))
                    let tails: SIMD4<Double> = stirlingTails(kk) + stirlingTails(s.n - kk)
                    let bound: SIMD4<Double> = h + (s.n + 1) * log1 + (kk + 0.5) * log2 - tails
                    accept = accept .| (exact .& (logV .<= bound))
                }
            }
            result = result.replacing(with: k, where: accept)
            active = active .& .!accept
            if !any(active) { break }
        }
        return result
    }
}

extension Xoshiro256x4 {
    /// Binomial(n, p) by sequential search from 0 in the lanes `lanes` (p ≤ 1/2, n·p < 10):
    /// P(0) = q^n (own exp/log), P(k) = P(k−1)·(n−k+1)/k·p/q, one uniform per lane; the loop runs until every
    /// lane has found its k. Search stops at min(n, 4·n·p + 40) (n·p < 10: the tail mass beyond is below 1e-40),
    /// which only matters when rounding leaves the summed CDF a few ulps below a uniform close to 1.
    @inlinable
    mutating func binomialInversion(
        n: SIMD4<Double>, p: SIMD4<Double>, q: SIMD4<Double>, lanes: SIMDMask<SIMD4<Int64>>
    ) -> SIMD4<Double> {
        let qn = VectorMath.exp(n * VectorMath.log(q.replacing(with: 1, where: .!lanes)))
        let ratio = p / q
        let np = n * p
        let bound = VectorMath.min(n, 4.0 * np + 40.0)
        let u = uniform()
        var px = qn
        var cdf = qn
        var k = SIMD4<Int64>.zero
        var active = lanes .& (u .> cdf)
        // Every active lane is at the same k, so 1/k is one scalar division per step, not a vector one.
        // px and cdf run on in finished lanes too (no blends): those lanes never become active again, and their k
        // is the number of steps they took (counted in integer lanes, a true mask lane being −1).
        var step = 0.0
        while any(active) {
            step += 1
            px = px * ((n - (step - 1)) * (1.0 / step)) * ratio
            cdf = cdf + px
            k &-= unsafeBitCast(active, to: SIMD4<Int64>.self)
            active = active .& (u .> cdf) .& (SIMD4(repeating: step) .< bound)
        }
        return unsafeBitCast(k &+ SIMD4(repeating: 0x4330_0000_0000_0000), to: SIMD4<Double>.self) - 0x1p52
    }
}

/// `stirlingTail` lane-wise: the series for k ≥ 10, the table below (looked up lane by lane, rare in BTRD's
/// exact test, which needs |k − m| > 15).
@inlinable @inline(__always)
func stirlingTails(_ k: SIMD4<Double>) -> SIMD4<Double> {
    let k1 = k + 1
    let k1sq = k1 * k1
    let inner: SIMD4<Double> = 1.0 / 360 - (1.0 / 1260) / k1sq
    let series: SIMD4<Double> = (1.0 / 12 - inner / k1sq) / k1
    let small = k .< 10
    if !any(small) { return series }
    return series.replacing(with: SIMD4(stirlingTail(k[0]), stirlingTail(k[1]), stirlingTail(k[2]), stirlingTail(k[3])),
                            where: small)
}

/// fc(k) = ln k! − [(k + ½) ln(k + 1) − (k + 1) + ½ ln 2π], the Stirling-series tail used by BTRD.
@usableFromInline
func stirlingTail(_ k: Double) -> Double {
    switch k {
    case 0: return 0.08106146679532726
    case 1: return 0.04134069595540929
    case 2: return 0.02767792568499834
    case 3: return 0.02079067210376509
    case 4: return 0.01664469118982119
    case 5: return 0.01387612882307075
    case 6: return 0.01189670994589177
    case 7: return 0.01041126526197209
    case 8: return 0.009255462182712733
    case 9: return 0.008330563433362871
    default:
        let k1 = k + 1
        let k1sq = k1 * k1
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / k1sq) / k1sq) / k1
    }
}
