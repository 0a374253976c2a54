#!/usr/bin/env python3
"""numpy peer of fabplan's Monte Carlo yield estimator: the SAME random model, vectorised over trials.

Reads a YieldInput JSON (as written by yieldmc-bench to Benchmarks/out/bench-input.json) and simulates it
chunk by chunk (4096 trials, like one Swift wave), with numpy's Generator(PCG64). Per trial and period:
  fab:      per wafer D ~ Gamma(alpha, mean D0), good ~ Binomial(gross, exp(-A*D)); sorted ~ Binomial(good, sort)
  starts:   rounded, cut in proportion (floor) when fab dies are short
  steps:    per lot of L units, y ~ Beta(m*c, (1-m)*c), good ~ Binomial(units in lot, y); no c: Binomial(n, m)
  stations: failures ~ Poisson(tool-hours / (MTBF+MTTR)), down ~ Gamma(failures) * MTTR
  output:   good = route output * min over the route's stations of min(1, capacity / load)
  demand:   Gamma(1/cv^2) * mean*cv^2
Statistics: mean, SE, exact P5/P50/P95, route yield, P(meet), expected shortfall, binding fraction.

Usage: python3 yield_numpy.py INPUT.json [--trials N] [--repeats R] [--sampler-seconds S] [--seed S]
Prints one JSON object: trials_per_second (median, wall) and cpu_trials_per_second (process CPU time),
samplers (M draws/s of CPU time), a few estimates for cross-checks. --sampler-seconds 0 skips the samplers.
Lots: "lotSampling": "betaBinomialTable" (default) inverts tabulated beta-binomial loss CDFs (np.searchsorted) of
the sums of 1, 2, 4, ..., 256 full lots: one draw per binary digit of a trial's full-lot count; "betaThenBinomial"
draws beta then binomial per lot; both as in the Swift estimator.
Wafers: "waferSampling": "gammaBinomialTable" (default) computes the exact law of one wafer's good dies (negative
binomial defect count, occupancy of the dies) and inverts the tabulated laws of 1, 2, 4, ... wafers, one draw per
binary digit of the wafer count; "gammaThenBinomial" draws gamma then binomial per wafer; both as in Swift.
Large volumes (docs/yield-model.md, "Large volumes: aggregate sampling"), as in Swift: a trial whose step is entered
by more than AGGREGATE_LOTS = 256 lots' worth of units (units > 256 * unitsPerLot, dispersed steps) draws the step's
total losses from a normal with the exact mean and variance of the per-lot sum; a die type with more than 256
wafers in a period draws its good dies from a normal with the exact mean and variance of the per-wafer sum.
"""
import argparse
import json
import time

import numpy as np

CHUNK = 4096
AGGREGATE_LOTS = 256  # Swift: aggregateThresholdLots


class Model:
    def __init__(self, d):
        self.periods = d["periods"]
        self.P = len(self.periods)
        self.stations = d["stations"]
        self.fab = d.get("fab")
        self.products = d["products"]
        self.lot = float(d.get("unitsPerLot", 1000))
        v = d.get("variability", {})
        self.unit_sampling = v.get("unitSampling", True)
        self.tool_failures = v.get("toolFailures", True)
        self.demand_noise = v.get("demandNoise", True)
        self.dies = self.fab["dieTypes"] if self.fab else []
        self.routes = [(p, r) for p, prod in enumerate(self.products) for r in prod["routes"]]
        self.lot_table = d.get("lotSampling", "betaBinomialTable") == "betaBinomialTable"
        self.wafer_table = d.get("waferSampling", "gammaBinomialTable") == "gammaBinomialTable"
        self.tables = {}  # (mean, c) -> CDF of lot losses


def _tabulate(pmf, offset=0):
    """(offset of entry 0, CDF) as in Swift's InversionTable: values whose mass cumulated from either end is
    at most 1e-17 are left out (the lowest kept value takes the mass below it), the last entry is set to 1."""
    cdf = np.cumsum(pmf)
    first = int(np.searchsorted(cdf, 1e-17, side="right"))  # first index with cumulative > 1e-17
    first = min(first, len(cdf) - 1)
    cut = np.nonzero(1 - cdf[first:] <= 1e-17)[0]
    cdf = cdf[first: first + cut[0] + 1] if len(cut) else cdf[first:]
    cdf = cdf.copy()
    cdf[-1] = 1.0
    return offset + first, cdf


def _trim(offset, pmf, tail=1e-18):
    """Both tails cut where their cumulated mass is at most tail * total (Swift: DiscreteLaw.trimmed)."""
    limit = tail * pmf.sum()
    lo_c = np.cumsum(pmf)
    hi_c = np.cumsum(pmf[::-1])
    lo = int(np.searchsorted(lo_c, limit, side="right"))
    hi = len(pmf) - 1 - int(np.searchsorted(hi_c, limit, side="right"))
    lo = min(lo, len(pmf) - 1)
    hi = max(hi, lo)
    return offset + lo, pmf[lo: hi + 1]


def sum_ladder(pmf, max_count, max_entries=32768, max_work=6e7):
    """Tables of the sum of 1, 2, 4, ... 2^K draws of pmf (Swift: SumTableLadder): repeated squaring by direct
    convolution, both tails trimmed at 1e-18; each level is (offset, CDF)."""
    levels = [_tabulate(pmf)]
    off, cur = _trim(0, np.asarray(pmf, dtype=np.float64))
    work = 0.0
    while (2 << (len(levels) - 1)) <= max_count:
        n = float(len(cur))
        work += n * n
        if work > max_work or 2 * len(cur) - 1 > 2 * max_entries:
            break
        nxt_off, nxt = _trim(2 * off, np.convolve(cur, cur))
        table = _tabulate(nxt, nxt_off)
        if len(table[1]) > max_entries:
            break
        levels.append(table)
        off, cur = nxt_off, nxt
    return levels


def _sum_draws(rng, count, table):
    """Per trial, the sum of count[i] draws from one table (offset, CDF)."""
    off, cdf = table
    F = int(count.max()) if len(count) else 0
    if F <= 0:
        return np.zeros(len(count))
    u = rng.random((len(count), F))
    draws = (off + np.searchsorted(cdf, u, side="right")).astype(np.float64)
    draws[np.arange(F)[None, :] >= count[:, None]] = 0
    return draws.sum(axis=1)


def ladder_sum(rng, count, ladder):
    """Per trial, the sum of count[i] draws (whole numbers): floor(count / 2^K) draws from the top table plus one
    draw from table b per binary digit b of the rest (Swift: SumTableLadder.sum)."""
    K = len(ladder) - 1
    top = 1 << K
    q = np.floor(count / top)
    total = _sum_draws(rng, q, ladder[K])
    if K == 0:
        return total
    rest = (count - q * top).astype(np.int64)
    for b in range(K - 1, -1, -1):
        idx = np.nonzero((rest >> b) & 1)[0]
        if len(idx):
            off, cdf = ladder[b]
            total[idx] += off + np.searchsorted(cdf, rng.random(len(idx)), side="right")
    return total


def ladder_sum_same(rng, T, count, ladder):
    """The sum of `count` draws in each of T trials (the same count for all)."""
    K = len(ladder) - 1
    total = _sum_draws(rng, np.full(T, float(count >> K)), ladder[K])
    rest = count & ((1 << K) - 1)
    for b in range(K - 1, -1, -1):
        if (rest >> b) & 1:
            off, cdf = ladder[b]
            total += off + np.searchsorted(cdf, rng.random(T), side="right")
    return total


def beta_binomial_ladder(n, mean, c):
    """Ladder of the losses of 1, 2, 4, ... 256 full lots ~ BetaBinomial(n, b, a) (Swift: BetaBinomialTable):
    same recursion and cuts."""
    a, b = mean * c, (1 - mean) * c
    if b <= 0:
        return [(0, np.array([1.0]))]
    i = np.arange(int(n), dtype=np.float64)
    log_p0 = np.log((a + i) / (a + b + i)).sum()
    if log_p0 <= -700:
        return None
    p = np.exp(log_p0)
    pmf = [p]
    cum, k = p, 0.0
    while k < n and 1 - cum > 1e-17:
        p *= (n - k) * (b + k) / ((k + 1) * (a + n - k - 1))
        cum += p
        pmf.append(p)
        k += 1
    return sum_ladder(np.array(pmf), AGGREGATE_LOTS)


def good_dies_per_wafer(G, ad, alpha):
    """pmf of good dies on one wafer (Swift: GoodDiesPerWafer.law): defects N ~ NegBin(alpha, r = G*theta/(1+G*theta)),
    theta = A*D0/alpha, thrown uniformly on G dies; good = G - dies hit (occupancy law built defect by defect)."""
    theta = ad / alpha
    gt = G * theta
    r = gt / (1 + gt)
    q = np.zeros(G + 1)
    q[0] = 1.0
    j = np.arange(G + 1, dtype=np.float64)
    stay = j / G
    move = (G - j + 1) / G  # move[j]: from j-1 to j
    good = np.zeros(G + 1)
    w, total, n = 1.0, 0.0, 0.0
    while True:
        good += w * q[::-1]
        total += w
        ratio = (n + alpha) / (n + 1) * r
        bound = max(ratio, r)
        if bound < 1 and w * bound / (1 - bound) <= 1e-18 * total:
            break
        w *= ratio
        n += 1
        nq = q * stay
        nq[1:] += q[:-1] * move[1:]
        nq[nq < 1e-40] = 0.0
        q = nq
        if w > 1e200:
            w *= 1e-200
            total *= 1e-200
            good *= 1e-200
    return _trim(0, good / total)


def wafer_ladder(G, ad, alpha, wafers):
    off, pmf = good_dies_per_wafer(int(G), ad, alpha)
    ladder = sum_ladder(pmf, wafers)
    return [(o + (off << b), cdf) for b, (o, cdf) in enumerate(ladder)]


def lots_two_stage(rng, n, y, c, L):
    lots = int(np.ceil(n.max() / L))
    j = np.arange(lots) * L
    units = np.clip(n[:, None] - j[None, :], 0, L).astype(np.int64)
    yl = rng.beta(y * c, (1 - y) * c, size=units.shape)
    return rng.binomial(units, yl).sum(axis=1).astype(np.float64)


def lots_table(rng, n, y, c, L, ladder):
    full = np.floor(n / L)
    rem = n - full * L
    lost = ladder_sum(rng, full, ladder)
    good = n - rem - lost
    if (rem > 0).any():
        yl = rng.beta(y * c, (1 - y) * c, size=len(n))
        good += rng.binomial(rem.astype(np.int64), yl)
    return good


def aggregate_lots(rng, n, y, c, L):
    """Normal approximation of the sum of per-lot beta-binomial losses, exact mean and variance (per trial):
    a lot of k units loses k(1-y) on average with variance k*y(1-y)*(c+k)/(c+1)."""
    full = np.floor(n * (1.0 / L))
    rem = np.maximum(n - full * L, 0.0)
    spread = y * (1 - y) / (c + 1)
    var = spread * (full * L * (c + L) + rem * (rem + c))
    lost = np.rint(n * (1 - y) + np.sqrt(var) * rng.standard_normal(len(n)))
    return n - np.minimum(np.maximum(lost, 0.0), n)


def aggregate_wafer_dies(rng, T, W, G, ad, alpha):
    """Normal approximation of the sum of per-wafer good dies, exact mean and variance (gamma Laplace transform:
    E[p^k] = (1 + k*A*D0/alpha)^(-alpha))."""
    m1 = (1 + ad / alpha) ** -alpha
    m2 = (1 + 2 * ad / alpha) ** -alpha
    var = max(G * (m1 - m2) + G * G * (m2 - m1 * m1), 0.0)
    good = np.rint(W * G * m1 + np.sqrt(W * var) * rng.standard_normal(T))
    return np.minimum(np.maximum(good, 0.0), W * G)


def rnd(x):
    return np.floor(x + 0.5)  # Swift's .rounded(): half away from zero (x >= 0 here)


def lots_step(rng, m, n, y, c):
    """Per-lot draws of one dispersed step (table mode or beta then binomial)."""
    cdf = None
    if m.lot_table:
        if (y, c) not in m.tables:
            m.tables[(y, c)] = beta_binomial_ladder(m.lot, y, c)
        cdf = m.tables[(y, c)]
    return lots_table(rng, n, y, c, m.lot, cdf) if cdf is not None else lots_two_stage(rng, n, y, c, m.lot)


def simulate_period(m, t, T, rng):
    """One period for T trials. Returns a dict of per-trial arrays."""
    alpha = m.fab["clusteringAlpha"] if m.fab else 1.0
    sort = m.fab["sortYield"] if m.fab else 1.0
    avail, die_yield = [], []
    for die in m.dies:
        G = die["grossDiesPerWafer"]
        W = int(rnd(die["wafersPerPeriod"][t]))
        ad = die["dieAreaSquareCentimetres"] * die["defectDensityPerCm2"][t]
        if G > 0 and W > 0:
            if ad == 0:
                good = np.full(T, W * G)
            elif W > AGGREGATE_LOTS:
                good = aggregate_wafer_dies(rng, T, W, G, ad, alpha)
            elif m.wafer_table and G == int(G):
                key = ("wafers", G, ad, alpha, W.bit_length())
                if key not in m.tables:
                    m.tables[key] = wafer_ladder(G, ad, alpha, W)
                good = ladder_sum_same(rng, T, W, m.tables[key])
            else:
                D = rng.standard_gamma(alpha, size=(T, W))
                p = np.exp(D * (-ad / alpha))
                good = rng.binomial(int(G), p).sum(axis=1).astype(np.float64)
        else:
            good = np.zeros(T)
        die_yield.append(good / (W * G) if W * G > 0 else np.ones(T))
        avail.append(rng.binomial(good.astype(np.int64), sort).astype(np.float64) if sort < 1 else good)

    need = [0.0] * len(m.dies)
    for (_, r) in m.routes:
        if r.get("fabDieType") is not None:
            need[r["fabDieType"]] += rnd(r["startsPerPeriod"][t]) * r["fabDiesPerUnit"]
    started, finished = [], []
    load = np.zeros((len(m.stations), T))
    for (_, r) in m.routes:
        n = np.full(T, rnd(r["startsPerPeriod"][t]))
        d = r.get("fabDieType")
        if d is not None and need[d] > 0:
            short = avail[d] < need[d]
            n = np.where(short, np.floor(n * (avail[d] / need[d])), n)
        started.append(n)
        for s in r["steps"]:
            load[s["stationIndex"]] += n * s["secondsPerUnit"]
            y = s["nominalYield"]
            c = s.get("yieldConcentration")
            if c is not None and c > 0:
                big = n > AGGREGATE_LOTS * m.lot
                if big.all():
                    n = aggregate_lots(rng, n, y, c, m.lot)
                elif big.any():  # mixed: per-lot draws for the trials at or below the threshold only
                    out = aggregate_lots(rng, n, y, c, m.lot)
                    out[~big] = lots_step(rng, m, n[~big], y, c)
                    n = out
                else:
                    n = lots_step(rng, m, n, y, c)
            elif y < 1:
                n = rng.binomial(n.astype(np.int64), y).astype(np.float64)
        finished.append(n)

    hours = m.periods[t]["hoursPerTool"]
    frac = np.ones((len(m.stations), T))
    binding = np.zeros(len(m.stations))
    for s, st in enumerate(m.stations):
        cal = st["toolsPerPeriod"][t] * hours
        if m.tool_failures and st.get("mtbfHours") is not None and st.get("mttrHours", 0) > 0 and cal > 0:
            nf = rng.poisson(cal / (st["mtbfHours"] + st["mttrHours"]), size=T)
            down = rng.standard_gamma(nf) * st["mttrHours"]
            up = np.maximum(cal - down, 0.0)
        else:
            avail_frac = st["mtbfHours"] / (st["mtbfHours"] + st["mttrHours"]) if st.get("mtbfHours") else st.get("availability", 1)
            up = np.full(T, cal * avail_frac)
        cap = up * (st.get("utilizationCap", 1) * 3600)
        over = load[s] > cap
        frac[s] = np.where(over, cap / np.where(over, load[s], 1), 1.0)
        binding[s] = over.sum()

    out = {"die_yield": die_yield, "binding": binding, "good": [], "route_yield": [], "met": [], "shortfall": []}
    for p, prod in enumerate(m.products):
        good = np.zeros(T)
        st_sum = np.zeros(T)
        fin_sum = np.zeros(T)
        for i, (pp, r) in enumerate(m.routes):
            if pp != p:
                continue
            f = np.ones(T)
            for s in sorted({s["stationIndex"] for s in r["steps"]}):
                f = np.minimum(f, frac[s])
            good += finished[i] * f
            st_sum += started[i]
            fin_sum += finished[i]
        mean_d = prod["demandPerPeriod"][t]
        cv = prod.get("demandCV", 0)
        if m.demand_noise and cv > 0 and mean_d > 0:
            shape = 1 / (cv * cv)
            dem = rng.standard_gamma(shape, size=T) * (mean_d / shape)
        else:
            dem = np.full(T, mean_d)
        out["good"].append(good)
        out["route_yield"].append(fin_sum[st_sum > 0] / st_sum[st_sum > 0])
        out["met"].append((good >= dem).sum())
        out["shortfall"].append(np.maximum(dem - good, 0))
    return out


def run(m, trials, seed):
    rng = np.random.Generator(np.random.PCG64(seed))
    goods = [[[] for _ in range(m.P)] for _ in m.products]
    ryield = [[[] for _ in range(m.P)] for _ in m.products]
    dyield = [[[] for _ in range(m.P)] for _ in m.dies]
    met = np.zeros((len(m.products), m.P))
    short = np.zeros((len(m.products), m.P))
    binding = np.zeros((len(m.stations), m.P))
    done = 0
    while done < trials:
        T = min(CHUNK, trials - done)
        for t in range(m.P):
            o = simulate_period(m, t, T, rng)
            for p in range(len(m.products)):
                goods[p][t].append(o["good"][p])
                ryield[p][t].append(o["route_yield"][p])
                met[p, t] += o["met"][p]
                short[p, t] += o["shortfall"][p].sum()
            for d in range(len(m.dies)):
                dyield[d][t].append(o["die_yield"][d])
            binding[:, t] += o["binding"]
        done += T
    est = []
    for p, prod in enumerate(m.products):
        for t in range(m.P):
            g = np.concatenate(goods[p][t])
            ry = np.concatenate(ryield[p][t])
            q = np.quantile(g, [0.05, 0.5, 0.95])
            est.append({"product": prod["name"], "period": m.periods[t]["name"], "mean": g.mean(),
                        "se": g.std(ddof=1) / np.sqrt(len(g)), "p5": q[0], "p50": q[1], "p95": q[2],
                        "route_yield": ry.mean(), "p_meet": met[p, t] / trials, "shortfall": short[p, t] / trials})
    dies = [{"die": d["name"], "mean": float(np.concatenate(dyield[i][0]).mean())} for i, d in enumerate(m.dies)]
    return est, dies, (binding / trials).tolist()


def sampler_rates(seconds, repeats):
    rng = np.random.Generator(np.random.PCG64(12345))
    n = 16384
    buf = np.empty(n)
    cases = [
        ("uniform", lambda: rng.random(out=buf)),
        ("normal", lambda: rng.standard_normal(out=buf)),
        ("exponential", lambda: rng.standard_exponential(out=buf)),
        ("gamma(2.0)", lambda: rng.standard_gamma(2.0, size=n)),
        ("gamma(2.5)", lambda: rng.standard_gamma(2.5, size=n)),
        ("gamma(0.5)", lambda: rng.standard_gamma(0.5, size=n)),
        ("beta(20,2)", lambda: rng.beta(20, 2, size=n)),
        ("beta(291,9)", lambda: rng.beta(291, 9, size=n)),
        ("binomial(500,0.9)", lambda: rng.binomial(500, 0.9, size=n)),
        ("binomial(500,U(.8,.95))", lambda: rng.binomial(500, 0.8 + 0.15 * rng.random(n))),
        ("binomial(609,U(.75,.9))", lambda: rng.binomial(609, 0.75 + 0.15 * rng.random(n))),
        # Swift's streaming wafer path (binomialSum) makes the same draws; numpy has one binomial for both.
        ("binomial(609,U(.75,.9)) streaming", lambda: rng.binomial(609, 0.75 + 0.15 * rng.random(n))),
        ("binomial(1000,0.997)", lambda: rng.binomial(1000, 0.997, size=n)),
        ("binomial(20,0.9)", lambda: rng.binomial(20, 0.9, size=n)),
        ("poisson(0.3)", lambda: rng.poisson(0.3, size=n)),
        ("poisson(2.0)", lambda: rng.poisson(2.0, size=n)),
        ("poisson(50.0)", lambda: rng.poisson(50.0, size=n)),
    ]
    wafer = wafer_ladder(609, 0.2, 2.0, 200)
    cases += [
        ("wafer good dies, table (1 wafer)",
         lambda: wafer[0][0] + np.searchsorted(wafer[0][1], rng.random(n), side="right")),
        ("good dies of 200 wafers, ladder", lambda: ladder_sum_same(rng, n, 200, wafer)),
        ("partial lot of 500, BetaBinomial(500,9,291)", lambda: 500 - rng.binomial(500, rng.beta(291, 9, n))),
    ]
    out = {}
    for name, f in cases:
        f()
        rates = []
        for _ in range(repeats):
            calls = 0
            start = time.process_time()
            while True:
                f()
                calls += 1
                el = time.process_time() - start
                if el >= seconds:
                    break
            rates.append(calls * n / el / 1e6)
        out[name] = sorted(rates)[len(rates) // 2]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--trials", type=int, default=20000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--sampler-seconds", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with open(args.input) as f:
        m = Model(json.load(f))
    run(m, min(args.trials, 512), args.seed)  # warm-up
    rates, cpu_rates = [], []
    for r in range(args.repeats):
        start, cpu = time.perf_counter(), time.process_time()
        est, dies, binding = run(m, args.trials, args.seed + r)
        rates.append(args.trials / (time.perf_counter() - start))
        cpu_rates.append(args.trials / (time.process_time() - cpu))
    samplers = sampler_rates(args.sampler_seconds, args.repeats) if args.sampler_seconds > 0 else {}
    print(json.dumps({
        "numpy": np.__version__, "trials": args.trials, "trials_per_second": sorted(rates)[len(rates) // 2],
        "cpu_trials_per_second": sorted(cpu_rates)[len(cpu_rates) // 2],
        "mcu_mean_good": round(est[0]["mean"], 1), "estimates": est, "die_yields": dies, "binding": binding,
        "samplers": samplers,
    }))


if __name__ == "__main__":
    main()
