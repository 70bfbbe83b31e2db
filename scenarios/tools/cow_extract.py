#!/usr/bin/env python3
"""Re-derive the data-based numbers of Entente's historical scenarios from the COW extracts.

Usage (from the repository root):

    python3 scenarios/tools/cow_extract.py                 # print every scenario's tables
    python3 scenarios/tools/cow_extract.py europe-1914     # one scenario
    python3 scenarios/tools/cow_extract.py --json          # machine-readable
    python3 scenarios/tools/cow_extract.py --check         # compare with the scenario files
    python3 scenarios/tools/cow_extract.py --write         # put the derived numbers into the files

The data are the project's copy of the extracts, scenarios/src/main/resources/data/cow (README.md
there gives each file's source). The rules (scenarios/SOURCES.md explains why):

* population = tpop, economy = pec, technology = irst, military = milex, personnel = milper, all
  from the Correlates of War National Material Capabilities 7.0 row of the scenario's base year,
  in COW's own units. The engine rescales each capability to 1,000 points over the scenario's
  states when it loads the file, so units only need to agree within one scenario. Military power
  is the mean of the milex share and the milper share (as COW's CINC builds it).
* milex missing ("NA"): milper times the median milex/milper ratio of the scenario's other states
  that have both (base year), rounded half up to a whole number.
* milper missing: milex times the median milper/milex ratio of the scenario's other states that
  have both, rounded half up to a whole number. A milper of 0 is kept: COW codes a militia
  without a standing army that way (Luxembourg, Switzerland in the 1930s).
* irst or pec zero or missing: a floor of 1% of the smallest positive value of that column
  among the scenario's states with a COW row in the base year (the schema needs > 0).
* A state without any COW row in the extract (europe-1914: Serbia, which COW codes YUG) carries the
  author's estimate listed in ESTIMATES below, with its source; None means the rule above for
  that column (floor, or the personnel ratio).
* ccode: the COW country code of the state.
* borders: for every pair of scenario states that the cshapes extract lists, the minimum distance
  between their borders in the border year (the year of the scenario's start date), rounded to
  0.1 km, and the COW direct contiguity type (1 to 5) of the spell valid on the start date, when
  there is one.
* starting power P = 0.2 population + 0.3 economy + 0.3 military + 0.2 technology, in shares of
  the scenario's totals; a POWER_AT_LEAST objective listed in GROWTH is factor x P to three
  significant figures.

Only the Python standard library is used.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys

NUMERIC = ("ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc")
COLUMNS = {"population": "tpop", "economy": "pec", "military": "milex", "technology": "irst"}
WEIGHTS = {"population": 0.2, "economy": 0.3, "military": 0.3, "technology": 0.2}

# scenario id -> extract window, base year of the capabilities, year of the borders, start date
# (for the contiguity spell), state ids in file order.
SCENARIOS = {
    "europe-1914": {
        "window": "europe_1900_1914",
        "year": 1913,
        "border_year": 1914,
        "start": "1914-07-01",
        "states": [
            "GMY", "AUH", "ITA", "FRN", "RUS", "UKG", "TUR", "SRB", "BEL", "USA", "NTH", "SWZ",
            "SPN", "POR", "GRC", "BUL", "ROM", "SWD", "NOR", "DEN",
        ],
    },
    "europe-1936": {
        "window": "europe_1935_1939",
        "year": 1936,
        "border_year": 1936,
        "start": "1936-03-01",
        "states": [
            "GMY", "ITA", "FRN", "UKG", "RUS", "USA", "POL", "CZE", "ROM", "YUG", "HUN",
            "AUS", "BEL", "NTH", "TUR", "JPN", "IRE", "LUX", "SWZ", "SPN", "POR", "ALB",
            "GRC", "BUL", "EST", "LAT", "LIT", "FIN", "SWD", "NOR", "DEN",
        ],
    },
    "middle-east-1955": {
        "window": "middle_east_1955_1979",
        "year": 1955,
        "border_year": 1955,
        "start": "1955-01-01",
        "states": [
            "USA", "RUS", "UKG", "FRN", "EGY", "SYR", "IRQ", "JOR", "SAU", "LEB", "YAR",
            "ISR", "IRN", "TUR",
        ],
    },
    "east-asia-2016": {
        "window": "east_asia_2010_2016",
        "year": 2016,
        "border_year": 2016,
        "start": "2016-01-01",
        "states": ["CHN", "USA", "JPN", "ROK", "PRK", "RUS", "TAW", "IND", "DRV", "PHI", "AUL"],
    },
}

# States with no row at all in the extract: the author's estimates, in the same units as the
# COW columns of that year (thousands of people; thousand coal-ton equivalents; thousand tons of
# iron and steel; thousand pounds sterling for 1913; thousands of soldiers). None means "use the
# rule of that column" (the floor, or for personnel the milper/milex ratio).
ESTIMATES = {
    "europe-1914": {
        "SRB": {
            "ccode": 345,  # COW codes Serbia (1878-1918) and Yugoslavia with the same number
            "population": 4200,  # 1910 census about 2.9 million + about 1.29 million in the 1913 gains
            "economy": 300,  # a few hundred thousand tons of domestic coal and lignite
            "military": 1205,  # war ministry vote 1912: 30,116k dinars at the yearbook's 25 dinars to the pound
            "technology": None,  # no iron and steel industry: floor
            "personnel": None,  # the ratio rule
        },
    },
}

# POWER_AT_LEAST objectives: scenario -> state -> growth factor over the starting P.
GROWTH = {
    "europe-1914": {"GMY": 1.15, "ITA": 1.2, "BUL": 1.2, "ROM": 1.2},
    "europe-1936": {"GMY": 1.2, "ITA": 1.2, "HUN": 1.3, "JPN": 1.2, "BUL": 1.3},
    "middle-east-1955": {"EGY": 1.5},
    "east-asia-2016": {"CHN": 1.15, "RUS": 1.1},
}


def resources_dir() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(os.path.dirname(here), "src", "main", "resources")


def default_data_dir() -> str:
    return os.path.join(resources_dir(), "data", "cow")


def default_scenario_dir() -> str:
    return os.path.join(resources_dir(), "scenarios")


def number(text: str) -> float | None:
    text = text.strip()
    if text in ("", "NA", "-9"):
        return None
    return float(text)


def read_csv(data_dir: str, name: str) -> list[dict[str, str]]:
    with open(os.path.join(data_dir, name), newline="") as f:
        return list(csv.DictReader(f))


def read_rows(data_dir: str, window: str, year: int) -> dict[str, dict[str, float | None]]:
    rows = {}
    for row in read_csv(data_dir, f"nmc70_{window}.csv"):
        if int(row["year"]) == year:
            rows[row["stateabb"]] = {k: number(row[k]) for k in NUMERIC}
    return rows


def round_half_up(x: float) -> float:
    return float(math.floor(x + 0.5))


def median(values: list[float]) -> float:
    values = sorted(values)
    n = len(values)
    if n % 2 == 1:
        return values[n // 2]
    return (values[n // 2 - 1] + values[n // 2]) / 2.0


def ratio(rows: dict, states: list[str], exclude: str, top: str, bottom: str) -> tuple[float, int]:
    values = [
        rows[o][top] / rows[o][bottom]
        for o in states
        if o != exclude and rows[o][top] is not None and (rows[o][bottom] or 0) > 0
    ]
    return median(values), len(values)


def derive(scenario: str, data_dir: str) -> list[dict]:
    """One record per state: ccode, the four capabilities, personnel, and how each was obtained."""
    spec = SCENARIOS[scenario]
    year, states = spec["year"], spec["states"]
    rows = read_rows(data_dir, spec["window"], year)
    in_data = [s for s in states if s in rows]
    estimates = ESTIMATES.get(scenario, {})
    missing = [s for s in states if s not in rows and s not in estimates]
    if missing:
        raise SystemExit(f"{scenario}: no COW row and no documented estimate for {missing}")

    floors = {}
    for column in ("irst", "pec"):
        positive = [rows[s][column] for s in in_data if (rows[s][column] or 0) > 0]
        floors[column] = min(positive) / 100.0

    out = []
    for s in states:
        record = {"state": s, "year": year, "notes": []}
        if s in rows:
            row = rows[s]
            record["ccode"] = int(row["ccode"])
            for capability, column in COLUMNS.items():
                value = row[column]
                if column == "milex" and value is None:
                    m, n = ratio(rows, in_data, s, "milex", "milper")
                    value = round_half_up(row["milper"] * m)
                    record["notes"].append(
                        f"milex missing: milper {row['milper']:g} x median milex/milper "
                        f"{m:.1f} of {n} others = {value:.0f}"
                    )
                elif column in floors and (value is None or value <= 0):
                    value = floors[column]
                    record["notes"].append(f"{column} zero or missing: floor {value:g}")
                record[capability] = value
            personnel = row["milper"]
            if personnel is None:
                m, n = ratio(rows, in_data, s, "milper", "milex")
                personnel = round_half_up(record["military"] * m)
                record["notes"].append(
                    f"milper missing: milex x median milper/milex of {n} others = {personnel:.0f}"
                )
            elif personnel == 0:
                record["notes"].append("milper 0 (a militia, as COW codes it): kept")
            record["personnel"] = personnel
            record["source"] = "COW"
        else:
            estimate = estimates[s]
            record["ccode"] = estimate["ccode"]
            for capability, column in COLUMNS.items():
                value = estimate[capability]
                if value is None:
                    value = floors[column]
                    record["notes"].append(f"{column}: no industry, floor {value:g}")
                record[capability] = float(value)
            personnel = estimate["personnel"]
            if personnel is None:
                m, n = ratio(rows, in_data, s, "milper", "milex")
                personnel = round_half_up(record["military"] * m)
                record["notes"].append(
                    f"personnel: milex {record['military']:g} x median milper/milex "
                    f"{m:.5f} of {n} COW states = {personnel:.0f}"
                )
            record["personnel"] = float(personnel)
            record["source"] = "estimate"
            record["notes"].append("no COW row in the extract: author's estimate (SOURCES.md)")
        out.append(record)
    add_power(out)
    return out


def add_power(records: list[dict]) -> None:
    """Starting aggregate power P of every record (shares of the scenario's totals)."""
    totals = {k: sum(r[k] for r in records) for k in list(COLUMNS) + ["personnel"]}
    for r in records:
        shares = {k: r[k] / totals[k] for k in COLUMNS}
        if totals["personnel"] > 0:
            shares["military"] = (shares["military"] + r["personnel"] / totals["personnel"]) / 2.0
        r["power"] = sum(WEIGHTS[k] * shares[k] for k in COLUMNS)


def derive_borders(scenario: str, data_dir: str, records: list[dict]) -> list[dict]:
    """Border entries for every pair of scenario states in the cshapes extract, in state order."""
    spec = SCENARIOS[scenario]
    window, border_year, start = spec["window"], spec["border_year"], spec["start"]
    ids = {r["ccode"]: r["state"] for r in records}
    order = {r["state"]: i for i, r in enumerate(records)}
    km = {}
    for row in read_csv(data_dir, f"mindist_{window}.csv"):
        if int(row["year"]) != border_year:
            continue
        a, b = int(row["ccode1"]), int(row["ccode2"])
        if a in ids and b in ids:
            km[frozenset((ids[a], ids[b]))] = round(float(row["mindist"]), 1)
    contiguity = {}
    for row in read_csv(data_dir, f"contdir32_{window}.csv"):
        a, b = int(row["ccode1"]), int(row["ccode2"])
        kind = int(row["conttype"])
        if a in ids and b in ids and row["stdate"] <= start <= row["enddate"] and 1 <= kind <= 5:
            pair = frozenset((ids[a], ids[b]))
            if pair in contiguity and contiguity[pair] != kind:
                raise SystemExit(f"{scenario}: two contiguity spells for {sorted(pair)} on {start}")
            contiguity[pair] = kind
    lost = [sorted(p) for p in contiguity if p not in km]
    if lost:
        raise SystemExit(f"{scenario}: contiguity without a border distance for {lost}")
    borders = []
    for pair, distance in km.items():
        a, b = sorted(pair, key=order.get)
        entry = {"between": [a, b], "km": distance}
        if pair in contiguity:
            entry["contiguity"] = contiguity[pair]
        borders.append(entry)
    borders.sort(key=lambda e: (order[e["between"][0]], order[e["between"][1]]))
    return borders


def goal(factor: float, power: float) -> float:
    return float(f"{factor * power:.3g}")


def fmt(x: float) -> str:
    return f"{x:,.0f}" if x >= 100 or x == int(x) else f"{x:,.4g}"


def print_tables(scenario: str, records: list[dict], borders: list[dict]) -> None:
    spec = SCENARIOS[scenario]
    print(f"## {scenario}: COW NMC 7.0, base year {spec['year']} (nmc70_{spec['window']}.csv)")
    print(
        f"{'state':6} {'ccode':>5} {'population':>12} {'economy':>12} {'military':>14} "
        f"{'personnel':>10} {'technology':>11} {'P':>6}  source"
    )
    for r in records:
        print(
            f"{r['state']:6} {r['ccode']:>5} {fmt(r['population']):>12} {fmt(r['economy']):>12} "
            f"{fmt(r['military']):>14} {fmt(r['personnel']):>10} {fmt(r['technology']):>11} "
            f"{r['power']:6.3f}  {r['source']}"
        )
        for note in r["notes"]:
            print(f"{'':8}- {note}")
    ranked = sorted(records, key=lambda r: -r["power"])
    print("Starting power: " + ", ".join(f"{r['state']} {r['power']:.3f}" for r in ranked) + ".")
    for state, factor in GROWTH.get(scenario, {}).items():
        power = next(r["power"] for r in records if r["state"] == state)
        print(f"POWER_AT_LEAST {state}: {factor:g} x {power:.4f} = {goal(factor, power):g}")
    land = sum(1 for b in borders if b.get("contiguity") == 1)
    print(
        f"Borders: {len(borders)} pairs from mindist_{spec['window']}.csv ({spec['border_year']}), "
        f"{land} land borders (contiguity 1 on {spec['start']})"
    )
    print()


def check(scenario: str, records: list[dict], borders: list[dict], scenario_dir: str) -> list[str]:
    path = os.path.join(scenario_dir, f"{scenario}.json")
    with open(path) as f:
        doc = json.load(f)
    problems = []
    by_id = {s["id"]: s for s in doc["states"]}
    if sorted(by_id) != sorted(r["state"] for r in records):
        problems.append(f"{scenario}: states differ: file {sorted(by_id)}")
    for r in records:
        state = by_id.get(r["state"])
        if state is None:
            continue
        for field in list(COLUMNS) + ["personnel", "ccode"]:
            if field not in state:
                problems.append(f"{scenario} {r['state']}: no {field}")
            elif float(state[field]) != float(r[field]):
                problems.append(
                    f"{scenario} {r['state']} {field}: file {state[field]} != {r[field]}"
                )
        factor = GROWTH.get(scenario, {}).get(r["state"])
        goals = [o for o in state.get("objectives", []) if o["kind"] == "POWER_AT_LEAST"]
        if factor is not None:
            want = goal(factor, r["power"])
            if len(goals) != 1 or goals[0]["value"] != want:
                problems.append(f"{scenario} {r['state']} POWER_AT_LEAST: want {want} ({factor} x P)")
        elif goals:
            problems.append(f"{scenario} {r['state']}: POWER_AT_LEAST without a GROWTH factor here")
    def key(e):
        return frozenset(e["between"])
    want = {key(b): b for b in borders}
    have = {key(b): b for b in doc.get("borders", [])}
    for pair in want.keys() - have.keys():
        problems.append(f"{scenario}: border {sorted(pair)} missing")
    for pair in have.keys() - want.keys():
        problems.append(f"{scenario}: border {sorted(pair)} not in the data")
    for pair in want.keys() & have.keys():
        w, h = want[pair], have[pair]
        if float(h["km"]) != w["km"] or h.get("contiguity") != w.get("contiguity"):
            problems.append(f"{scenario}: border {sorted(pair)}: file {h} != data {w}")
    return problems


def write(scenario: str, records: list[dict], borders: list[dict], scenario_dir: str) -> None:
    """Puts the derived numbers into the scenario file, keeping its key order and style."""
    path = os.path.join(scenario_dir, f"{scenario}.json")
    with open(path) as f:
        doc = json.load(f)
    by_id = {r["state"]: r for r in records}

    def whole(x: float) -> float | int:
        return int(x) if x == int(x) else x

    states = []
    for state in doc["states"]:
        r = by_id[state["id"]]
        out = {}
        for k, v in state.items():
            if k in ("ccode", "personnel"):
                continue
            out[k] = whole(r[k]) if k in COLUMNS else v
            if k == "name":
                out["ccode"] = r["ccode"]
            if k == "military":
                out["personnel"] = whole(r["personnel"])
        factor = GROWTH.get(scenario, {}).get(state["id"])
        for objective in out.get("objectives", []):
            if objective["kind"] == "POWER_AT_LEAST" and factor is not None:
                objective["value"] = goal(factor, r["power"])
        states.append(out)
    result = {}
    for k, v in doc.items():
        if k == "borders":
            continue
        result[k] = states if k == "states" else v
        if k == "states":
            result["borders"] = [
                {**b, "km": whole(b["km"])} for b in borders
            ]
    with open(path, "w") as f:
        f.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="*", help="scenario ids (default: all)")
    parser.add_argument("--data", default=default_data_dir(), help="directory of the COW csv files")
    parser.add_argument("--scenarios", default=default_scenario_dir(), help="scenario json directory")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--check", action="store_true", help="compare with the scenario files")
    parser.add_argument("--write", action="store_true", help="write the numbers into the files")
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        print(f"COW data directory not found: {args.data}", file=sys.stderr)
        return 2
    chosen = args.scenario or list(SCENARIOS)
    results = {}
    for s in chosen:
        records = derive(s, args.data)
        results[s] = (records, derive_borders(s, args.data, records))
    if args.write:
        for s in chosen:
            write(s, *results[s], args.scenarios)
    if args.check:
        problems = [p for s in chosen for p in check(s, *results[s], args.scenarios)]
        for p in problems:
            print(p)
        print("ok" if not problems else f"{len(problems)} mismatches")
        return 1 if problems else 0
    if args.json:
        print(json.dumps({s: {"states": r, "borders": b} for s, (r, b) in results.items()}, indent=2))
    elif not args.write:
        for s in chosen:
            print_tables(s, *results[s])
    return 0


if __name__ == "__main__":
    sys.exit(main())
