extension Xoshiro256x4 {
    /// Four binomial draws: good units out of `count` trials with success probability `probability`
    /// (per lane; `count` holds whole numbers as doubles, exact below 2^53).
    ///
    /// Algorithm: BTRD (Hörmann 1993, "The generation of binomial random variates") when n·min(p, 1−p) ≥ 10,
    /// SIMD sequential-search inversion below. The BTRD setup and its one-uniform fast path (taken by ≈ 86 %·v_r of draws,
    /// typically 80 %) run for all four lanes in SIMD; a BTRD lane that misses the fast path continues in scalar
    /// code on that lane's own xoshiro stream (other lanes are not advanced).
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
            let npq = np * qq
            let sq = npq.squareRoot()
            let b = 1.15 + 2.53 * sq
            let a = -0.0873 + 0.0248 * b + 0.01 * pp
            let c = np + 0.5
            let vr = 0.92 - 4.2 / b
            let urvr = 0.86 * vr
            let v = uniform()
            let u = v / vr - 0.43
            let us = 0.5 - VectorMath.abs(u)
            k = VectorMath.floor((2.0 * a / us + b) * u + c)
            let slow = btrd .& (v .> urvr)
            if any(slow) {
                // Scalar BTRD for the lanes that missed the fast path, each on its own stream. Lanes and results
                // are kept in scalars and put back as whole vectors (no single-lane stores).
                let m = VectorMath.floor((n + 1.0) * pp)
                var g0 = lane(0), g1 = lane(1), g2 = lane(2), g3 = lane(3)
                var k0 = k[0], k1 = k[1], k2 = k[2], k3 = k[3]
                if slow[0] { k0 = btrdLane(0, n, pp, v, m, npq, sq, b, a, c, vr, urvr, &g0) }
                if slow[1] { k1 = btrdLane(1, n, pp, v, m, npq, sq, b, a, c, vr, urvr, &g1) }
                if slow[2] { k2 = btrdLane(2, n, pp, v, m, npq, sq, b, a, c, vr, urvr, &g2) }
                if slow[3] { k3 = btrdLane(3, n, pp, v, m, npq, sq, b, a, c, vr, urvr, &g3) }
                setLanes(g0, g1, g2, g3)
                k = SIMD4(k0, k1, k2, k3)
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

extension Xoshiro256x4 {
    /// Binomial(n, p) by sequential search from 0 in the lanes `lanes` (p ≤ 1/2, n·p < 10):
    /// P(0) = q^n (own exp/log), P(k) = P(k−1)·(n−k+1)/k·p/q, one uniform per lane; the loop runs until every
    /// lane has found its k. Search stops at n·p + 10·√(n·p·q + 1) (tail mass there is below 1e-20).
    @inlinable
    mutating func binomialInversion(
        n: SIMD4<Double>, p: SIMD4<Double>, q: SIMD4<Double>, lanes: SIMDMask<SIMD4<Int64>>
    ) -> SIMD4<Double> {
        let qn = VectorMath.exp(n * VectorMath.log(q.replacing(with: 1, where: .!lanes)))
        let ratio = p / q
        let np = n * p
        let bound = VectorMath.min(n, np + 10.0 * (np * q + 1.0).squareRoot())
        let u = uniform()
        var px = qn
        var cdf = qn
        var k = SIMD4<Double>.zero
        var active = lanes .& (u .> cdf)
        // Every active lane is at the same k, so 1/k is one scalar division per step, not a vector one.
        var step = 0.0
        while any(active) {
            step += 1
            let next = px * ((n - (step - 1)) * (1.0 / step)) * ratio
            k = k.replacing(with: SIMD4(repeating: step), where: active)
            px = px.replacing(with: next, where: active)
            cdf = cdf.replacing(with: cdf + px, where: active)
            active = active .& (u .> cdf) .& (k .< bound)
        }
        return k
    }
}

/// Lane `i` of the vector BTRD setup, handed to the scalar slow path.
@inlinable @inline(__always)
func btrdLane(
    _ i: Int, _ n: SIMD4<Double>, _ p: SIMD4<Double>, _ v: SIMD4<Double>, _ m: SIMD4<Double>, _ npq: SIMD4<Double>,
    _ sq: SIMD4<Double>, _ b: SIMD4<Double>, _ a: SIMD4<Double>, _ c: SIMD4<Double>, _ vr: SIMD4<Double>,
    _ urvr: SIMD4<Double>, _ g: inout Xoshiro256PlusPlus
) -> Double {
    binomialScalarSlowPath(n: n[i], p: p[i], firstV: v[i], m: m[i], npq: npq[i], sqrtNpq: sq[i], b: b[i], a: a[i],
                           c: c[i], vr: vr[i], urvr: urvr[i], rng: &g)
}

/// The scalar part of the binomial sampler for one lane with p ≤ 1/2 and n·p ≥ 10: BTRD from its step 2 with
/// the already drawn uniform `firstV` (which missed the fast path).
@usableFromInline
func binomialScalarSlowPath(
    n: Double, p: Double, firstV: Double, m: Double, npq: Double, sqrtNpq: Double,
    b: Double, a: Double, c: Double, vr: Double, urvr: Double, rng: inout Xoshiro256PlusPlus
) -> Double {
    let r = p / (1 - p)
    let alpha = (2.83 + 5.1 / b) * sqrtNpq
    let nr = (n + 1) * r
    var v = firstV
    var firstRound = true
    while true {
        if !firstRound {
            v = rng.uniform()
            if v <= urvr {
                let u = v / vr - 0.43
                return VectorMath.floor((2 * a / (0.5 - Swift.abs(u)) + b) * u + c)
            }
        }
        firstRound = false
        var u: Double
        if v >= vr {
            u = rng.uniform() - 0.5
        } else {
            u = v / vr - 0.93
            u = (u < 0 ? -0.5 : 0.5) - u
            v = rng.uniform() * vr
        }
        let us = 0.5 - Swift.abs(u)
        let k = VectorMath.floor((2 * a / us + b) * u + c)
        if k < 0 || k > n { continue }
        v = v * alpha / (a / (us * us) + b)
        if v <= 0 { return k }
        let km = Swift.abs(k - m)
        if km <= 15 {
            // Recursive evaluation of f(k)/f(m) = Π (nr/i − r), written as Π(nr − r·i) / Π i so that the
            // dependent chain has one division instead of up to 15.
            var numerator = 1.0, denominator = 1.0
            if m < k {
                var i = m + 1
                while i <= k { numerator *= nr - r * i; denominator *= i; i += 1 }
                if v * denominator <= numerator { return k }   // v ≤ f
            } else if m > k {
                var i = k + 1
                while i <= m { numerator *= nr - r * i; denominator *= i; i += 1 }
                if v * numerator <= denominator { return k }   // v·f(m)/f(k) ≤ 1
            } else if v <= 1 {
                return k
            }
            continue
        }
        // Squeeze on log f(k), then the exact test with Stirling tails.
        v = VectorMath.log(v)
        let rho = (km / npq) * (((km / 3 + 0.625) * km + 1.0 / 6.0) / npq + 0.5)
        let t = -km * km / (2 * npq)
        if v < t - rho { return k }
        if v > t + rho { continue }
        let nm = n - m + 1
        let h = (m + 0.5) * VectorMath.log((m + 1) / (r * nm)) + stirlingTail(m) + stirlingTail(n - m)
        let nk = n - k + 1
        if v <= h + (n + 1) * VectorMath.log(nm / nk) + (k + 0.5) * VectorMath.log(nk * r / (k + 1))
            - stirlingTail(k) - stirlingTail(n - k) {
            return k
        }
    }
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
