#!/usr/bin/env python3
"""Independent capacity analysis of SMT2020 straight from the dataset files (no fabplan code).

For each tool family: load hours per week at the nominal release (order.txt), availability from downcal.txt,
pmcal.txt and attach.txt, and utilization = load / (tools x 168 h x availability). The reading of every field
follows docs/smt2020.md; each variant switches one modelling choice, as `fabplan import smt2020` options do.

    python3 capacity.py DATASETS_DIR [--fabplan PATH]   # with --fabplan, also compares with `fabplan load`
"""
import csv, json, os, subprocess, sys, tempfile

SECONDS = {"sec": 1, "s": 1, "min": 60, "hr": 3600, "h": 3600, "hour": 3600, "day": 86400, "days": 86400}
HOURS = 168.0


def rows(path):
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        return [{k.strip(): (v or "").strip() for k, v in r.items() if k} for r in csv.DictReader(f, delimiter="\t")]


def sec(value, units):
    return float(value) * SECONDS[units.lower()]


def read(dir_):
    tool_file = "tool.txt" if os.path.exists(os.path.join(dir_, "tool.txt")) else "tool.txt.1l"
    tools = {}
    for r in rows(os.path.join(dir_, tool_file)):
        tools[r["STNFAM"]] = dict(group=r["STNGRP"], n=int(float(r["STNQTY"])),
                                  lu=(sec(r["LTIME"], r["LTUNITS"]) if r["LTIME"] else 0) + (sec(r["ULTIME"], r["ULTUNITS"]) if r["ULTIME"] else 0),
                                  cascading=(r.get("STNCAP") or "") != "" and float(r["STNCAP"]) == 2)
    parts = rows(os.path.join(dir_, "part.txt"))
    routes = {p["PART"]: rows(os.path.join(dir_, p["ROUTEFILE"])) for p in parts}
    orders = rows(os.path.join(dir_, "order.txt"))
    attach = {}
    for r in rows(os.path.join(dir_, "attach.txt")):
        attach.setdefault(r["CALNAME"], []).append((r["RESTYPE"], r["RESNAME"]))
    down = {}   # (restype, name) -> list of (kind, a, b)
    for r in rows(os.path.join(dir_, "downcal.txt")):
        for res in attach[r["DOWNCALNAME"]]:
            down.setdefault(res, []).append(("time", sec(r["MTTF"], r["MTTFUNITS"]) / 3600, sec(r["MTTR"], r["MTTRUNITS"]) / 3600))
    for r in rows(os.path.join(dir_, "pmcal.txt")):
        d = sec(r["MTTR"], r["MTTRUNITS"]) / 3600
        for res in attach[r["PMCALNAME"]]:
            if r["PMCALTYPE"] == "mtbpm_by_cal":
                down.setdefault(res, []).append(("time", sec(r["MTBPM"], r["MTBPMUNITS"]) / 3600, d))
            else:
                down.setdefault(res, []).append(("count", float(r["MTBPM"]), d))
    setup_time = {}
    for r in rows(os.path.join(dir_, "setup.txt")):
        key = (r["IGNORE"], r["NEWSETUP"])
        setup_time[key] = max(setup_time.get(key, 0), sec(r["STIME"], r["STUNITS"]))
    min_run = {r["SETUP"]: float(r["MINRUN"]) for r in rows(os.path.join(dir_, "setupgrp.txt")) if r.get("MINRUN")}
    return tools, parts, routes, orders, down, setup_time, min_run


def release(orders, hot=True):
    """Wafers per hour and lot size per part."""
    rate, lot = {}, {}
    for o in orders:
        if not hot and "hot" in o["LOT"].lower():
            continue
        every = sec(o["REPEAT"], o["RUNITS"])
        rate[o["PART"]] = rate.get(o["PART"], 0) + float(o["PIECES"]) * float(o.get("LOTSPERRPT") or 1) * 3600 / every
        lot.setdefault(o["PART"], float(o["PIECES"]))
    return rate, lot


def visits(route, sampling=True, rework=True):
    number = [int(r["STEP"]) for r in route]
    extra = [0.0] * len(route)
    if rework:
        for r in route:
            if r["RWKSTEP"] and r["REWORK"]:
                for i, k in enumerate(number):
                    if int(r["RWKSTEP"]) <= k <= int(r["STEP"]):
                        extra[i] += float(r["REWORK"]) / 100
    return [((float(r["StepPercent"]) / 100 if sampling and r["StepPercent"] else 1.0)) * (1 + extra[i]) for i, r in enumerate(route)]


def seconds_per_wafer(r, tool, n, v):
    """Tool seconds per wafer of one route row (before visits), by the variant `v`."""
    pt = sec(r["PTIME"], r["PTUNITS"])
    lu = tool["lu"]
    casc = v["cascading"]
    overlapped = casc == "steady" and tool["cascading"]
    if r["PTPER"] == "per_batch":
        lo, hi = float(r["BATCHMN"] or n), float(r["BATCHMX"])
        fill = {"max": hi, "min": lo, "mid": (lo + hi) / 2}[v["fill"]]
        return (pt + lu) / fill, fill
    if r["PTPER"] == "per_piece":
        if r["PartInterval"] and casc != "off":
            i = sec(r["PartInterval"], r["PartIntUnits"])
            t = n * i if casc == "steady" else pt + (n - 1) * i
        else:
            t = n * pt
    else:
        if r["BatchInterval"] and casc != "off":
            i = sec(r["BatchInterval"], r["BatchIntUnits"])
            t = i if casc == "steady" else pt
        else:
            t = pt
    return (t + (0 if overlapped else lu)) / n, n


def analyse(dir_, v):
    tools, parts, routes, orders, down, setup_time, min_run = read(dir_)
    rate, lot = release(orders, v["hot"])
    needed = {}
    for route in routes.values():
        for r in route:
            if r["SETUP"]:
                needed.setdefault(r["STNFAM"], set()).add(r["SETUP"])
    dedicated = {f for f, s in needed.items() if tools[f]["n"] >= len(s)}
    load, wafers = {}, {}
    for part, route in routes.items():
        n = lot[part]
        for r, vis in zip(route, visits(route, v["sampling"], v["rework"])):
            fam = r["STNFAM"]
            if fam.startswith("Delay"):
                continue
            s, per_dispatch = seconds_per_wafer(r, tools[fam], n, v)
            if r["SETUP"] and v["setups"] != "none" and not (v["setups"] == "dedicated" and fam in dedicated):
                st = sec(r["STIME"], r["STUNITS"]) if r["STIME"] else setup_time.get((fam, r["SETUP"]), 0)
                share = 1.0 if v["setups"] == "every-dispatch" else 1 / min_run.get(r["SETUP"], 1)
                s += st * share / per_dispatch
            load[fam] = load.get(fam, 0) + rate[part] * HOURS * vis * s / 3600
            wafers[fam] = wafers.get(fam, 0) + rate[part] * HOURS * vis
    result = {}
    for fam, t in tools.items():
        if fam.startswith("Delay"):
            continue
        busy = load[fam] / wafers[fam] if load.get(fam) else 1.0
        per_up, per_busy = 0.0, 0.0
        for kind, a, d in down.get(("stngrp", t["group"]), []) + down.get(("stnfam", fam), []):
            if kind == "time":
                per_up += d / a
            else:
                per_busy += d / (a * busy)
        avail = 1 / (1 + per_up) / (1 + per_busy)
        result[fam] = dict(load=load.get(fam, 0), up=t["n"] * HOURS * avail, util=load.get(fam, 0) / (t["n"] * HOURS * avail))
    nominal = sum(rate.values()) * HOURS
    return result, nominal


BASE = dict(fill="max", setups="dedicated", sampling=True, rework=True, cascading="steady", hot=True)
VARIANTS = [
    ("as imported (defaults)", {}, []),
    ("no sampling (every lot visits every step)", dict(sampling=False), ["--sampling", "off"]),
    ("no rework", dict(rework=False), ["--rework", "off"]),
    ("smallest batches (BATCHMN)", dict(fill="min"), ["--batch-fill", "min"]),
    ("setups once per minimum run", dict(setups="min-run"), ["--setups", "min-run"]),
    ("setups on every dispatch (bound)", dict(setups="every-dispatch"), ["--setups", "every-dispatch"]),
    ("cascades isolated (first + (n-1) x interval)", dict(cascading="isolated"), ["--cascading", "isolated"]),
    ("no cascading", dict(cascading="off"), ["--cascading", "off"]),
]


def fabplan_loading(fabplan, datasets, name, args):
    with tempfile.TemporaryDirectory() as tmp:
        model = os.path.join(tmp, "m.yaml")
        subprocess.run([fabplan, "import", "smt2020", datasets, "--dataset", name, "--output", model] + args,
                       check=True, capture_output=True)
        out = subprocess.run([fabplan, "load", model, "--format", "json"], check=True, capture_output=True).stdout
    return {r["station"]: r for r in json.loads(out)["rows"]}


def main():
    datasets = sys.argv[1]
    fabplan = sys.argv[sys.argv.index("--fabplan") + 1] if "--fabplan" in sys.argv else None
    for name in ("HVLM", "LVHM"):
        dir_ = os.path.join(datasets, "SMT2020_" + name)
        print(f"\n{name}")
        print("| reading | bottleneck | utilization at nominal | max wafers/week at the nominal mix | vs defaults | fabplan max rel. diff |")
        print("|---|---|---|---|---|---|")
        base_max = None
        for label, change, args in VARIANTS:
            res, nominal = analyse(dir_, {**BASE, **change})
            fam = max(res, key=lambda f: res[f]["util"])
            u = res[fam]["util"]
            cap = nominal / u
            base_max = base_max or cap
            diff = "-"
            if fabplan:
                fp = fabplan_loading(fabplan, datasets, name, args)
                diff = "%.1e" % max(abs(fp[f]["utilization"] - res[f]["util"]) / max(res[f]["util"], 1e-12) for f in res if res[f]["util"] > 0)
            print(f"| {label} | {fam} | {100 * u:.1f} % | {cap:,.0f} | {100 * (cap / base_max - 1):+.1f} % | {diff} |")
        res, nominal = analyse(dir_, BASE)
        top = sorted(res, key=lambda f: -res[f]["util"])[:5]
        print(f"nominal release {nominal:,.1f} wafers/week; most loaded: " +
              ", ".join(f"{f} {100 * res[f]['util']:.1f} %" for f in top))


if __name__ == "__main__":
    main()
