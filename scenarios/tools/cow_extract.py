#!/usr/bin/env python3
"""Re-derive the capability numbers of Entente's historical scenarios from the COW extracts.

Usage (from the repository root, with shared/ beside it):

    python3 scenarios/tools/cow_extract.py                 # print every scenario's table
    python3 scenarios/tools/cow_extract.py europe-1914     # one scenario
    python3 scenarios/tools/cow_extract.py --json          # machine-readable
    python3 scenarios/tools/cow_extract.py --check         # compare with the scenario files

The rules (scenarios/SOURCES.md explains why):

* population = tpop, economy = pec, technology = irst, military = milex, all from the
  Correlates of War National Material Capabilities 7.0 row of the scenario's base year, in
  COW's own units. The engine rescales each capability to 1,000 points over the scenario's
  states when it loads the file, so units only need to agree within one scenario.
* milex missing ("NA"): milper times the median milex/milper ratio of the scenario's other
  states that have both (base year), rounded half up to a whole number.
* irst or pec zero or missing: a floor of 1% of the smallest positive value of that column
  among the scenario's states with a COW row in the base year (the schema needs > 0).
* A state without any COW row in the extract (europe-1914: Serbia, Belgium) carries the
  author's estimate listed in ESTIMATES below, with its source; a zero-like estimate uses the
  same floor as above.

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

# scenario id -> (extract window, base year, state ids in file order)
SCENARIOS = {
    "europe-1914": (
        "europe_1900_1914",
        1913,
        ["GMY", "AUH", "ITA", "FRN", "RUS", "UKG", "TUR", "SRB", "BEL", "USA"],
    ),
    "europe-1936": (
        "europe_1935_1939",
        1936,
        [
            "GMY", "ITA", "FRN", "UKG", "RUS", "USA", "POL", "CZE", "ROM", "YUG", "HUN",
            "AUS", "BEL", "NTH", "TUR", "JPN",
        ],
    ),
    "middle-east-1955": (
        "middle_east_1955_1979",
        1955,
        [
            "USA", "RUS", "UKG", "FRN", "EGY", "SYR", "IRQ", "JOR", "SAU", "LEB", "YAR",
            "ISR", "IRN", "TUR",
        ],
    ),
    "east-asia-2016": (
        "east_asia_2010_2016",
        2016,
        ["CHN", "USA", "JPN", "ROK", "PRK", "RUS", "TAW", "IND"],
    ),
}

# States with no row at all in the shared extract: the author's estimates, in the same units
# as the COW columns of that year (thousands of people; thousand coal-ton equivalents;
# thousand tons of iron and steel; thousand pounds sterling for 1913). None means "use the
# floor of that column".
ESTIMATES = {
    "europe-1914": {
        "SRB": {
            "population": 4200,  # 1910 census about 2.9 million + about 1.29 million in the 1913 gains
            "economy": 300,  # a few hundred thousand tons of domestic coal and lignite
            "military": 1205,  # war ministry vote 1912: 30,116k dinars at the yearbook's 25 dinars to the pound
            "technology": None,  # no iron and steel industry: floor
        },
        "BEL": {
            "population": 7600,  # 1910 census 7.42 million, grown to 1913
            "economy": 26000,  # 1913 coal output 22,842k t plus about 3,000k t net imports
            "military": 3558,  # mean of war+gendarmerie votes 1912 (78,356k fr) and 1914 (101,096k fr) at 25.22 fr/GBP
            "technology": 2485,  # 1913 pig iron 2,446k long tons = 2,485k metric tons
        },
    },
}


def default_data_dir() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    return os.path.join(os.path.dirname(repo), "shared", "data", "cow")


def default_scenario_dir() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(os.path.dirname(here), "src", "main", "resources", "scenarios")


def number(text: str) -> float | None:
    text = text.strip()
    if text in ("", "NA", "-9"):
        return None
    return float(text)


def read_rows(data_dir: str, window: str, year: int) -> dict[str, dict[str, float | None]]:
    path = os.path.join(data_dir, f"nmc70_{window}.csv")
    rows = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
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


def derive(scenario: str, data_dir: str) -> list[dict]:
    """Return one record per state: the four capabilities and how each was obtained."""
    window, year, states = SCENARIOS[scenario]
    rows = read_rows(data_dir, window, year)
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
            for capability, column in COLUMNS.items():
                value = row[column]
                if column == "milex" and value is None:
                    ratios = [
                        rows[o]["milex"] / rows[o]["milper"]
                        for o in in_data
                        if o != s
                        and rows[o]["milex"] is not None
                        and (rows[o]["milper"] or 0) > 0
                    ]
                    m = median(ratios)
                    value = round_half_up(row["milper"] * m)
                    record["notes"].append(
                        f"milex missing: milper {row['milper']:g} x median milex/milper "
                        f"{m:.1f} of {len(ratios)} others = {value:.0f}"
                    )
                elif column in floors and (value is None or value <= 0):
                    value = floors[column]
                    record["notes"].append(f"{column} zero or missing: floor {value:g}")
                record[capability] = value
            record["source"] = "COW"
        else:
            for capability, column in COLUMNS.items():
                value = estimates[s][capability]
                if value is None:
                    value = floors[column]
                    record["notes"].append(f"{column}: no industry, floor {value:g}")
                record[capability] = float(value)
            record["source"] = "estimate"
            record["notes"].append("no COW row in the extract: author's estimate (SOURCES.md)")
        out.append(record)
    return out


def fmt(x: float) -> str:
    return f"{x:,.0f}" if x >= 100 or x == int(x) else f"{x:,.4g}"


def print_table(scenario: str, records: list[dict]) -> None:
    window, year, _ = SCENARIOS[scenario]
    print(f"## {scenario}: COW NMC 7.0, base year {year} (nmc70_{window}.csv)")
    print(f"{'state':6} {'population':>12} {'economy':>12} {'military':>14} {'technology':>11}  source")
    for r in records:
        print(
            f"{r['state']:6} {fmt(r['population']):>12} {fmt(r['economy']):>12} "
            f"{fmt(r['military']):>14} {fmt(r['technology']):>11}  {r['source']}"
        )
        for note in r["notes"]:
            print(f"{'':8}- {note}")
    print()


def check(scenario: str, records: list[dict], scenario_dir: str) -> list[str]:
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
        for capability in COLUMNS:
            if float(state[capability]) != r[capability]:
                problems.append(
                    f"{scenario} {r['state']} {capability}: file {state[capability]} != {r[capability]}"
                )
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="*", help="scenario ids (default: all)")
    parser.add_argument("--data", default=default_data_dir(), help="directory of the COW csv files")
    parser.add_argument("--scenarios", default=default_scenario_dir(), help="scenario json directory")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--check", action="store_true", help="compare with the scenario files")
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        print(f"COW data directory not found: {args.data}", file=sys.stderr)
        return 2
    chosen = args.scenario or list(SCENARIOS)
    results = {s: derive(s, args.data) for s in chosen}
    if args.check:
        problems = [p for s in chosen for p in check(s, results[s], args.scenarios)]
        for p in problems:
            print(p)
        print("ok" if not problems else f"{len(problems)} mismatches")
        return 1 if problems else 0
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for s in chosen:
            print_table(s, results[s])
    return 0


if __name__ == "__main__":
    sys.exit(main())
