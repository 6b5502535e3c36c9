#!/usr/bin/env python3
"""Mutation score per folder from Stryker.NET's JSON reports (mutation-report.json).

Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker counts it;
compile errors and ignored mutants are not counted. A surviving mutant listed in
eng/mutation/equivalent.tsv (file under src/, mutator, the original code it changes (a block: the line that
heads it, then "{ …"), why) is an
equivalent mutant, one no test can tell from the original: it is listed with its reason and
left out of the "without equivalents" score. So is a ConfigureAwait(false) turned true (no
synchronization context runs here; the configurations now ignore ConfigureAwait).
Usage: scores.py REPORT.json [...]
"""
import csv
import json
import os
import sys
from collections import defaultdict

DETECTED = {"Killed", "Timeout"}
UNDETECTED = {"Survived", "NoCoverage"}

here = os.path.dirname(os.path.abspath(__file__))
equivalents = {}
with open(os.path.join(here, "equivalent.tsv"), encoding="utf-8") as f:
    for row in csv.reader((line for line in f if line.strip() and not line.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE):
        file, mutator, original, why = row
        equivalents[(file, mutator, original)] = why


def original_code(source, location):
    lines = source.split("\n")
    start, end = location["start"], location["end"]
    if start["line"] == end["line"]:
        return lines[start["line"] - 1][start["column"] - 1:end["column"] - 1]
    code = lines[start["line"] - 1][start["column"] - 1:].rstrip() + " …"
    if code.startswith("{"):
        # A block is told from the file's other blocks by the line that heads it (an if, a catch).
        heading = next((line.strip() for line in reversed(lines[:start["line"] - 1]) if line.strip()), "")
        code = f"{heading} {code}"
    return code


rows = defaultdict(lambda: defaultdict(int))
survivors, equivalent = [], []
for report in sys.argv[1:]:
    with open(report, encoding="utf-8") as f:
        data = json.load(f)
    for path, file in data["files"].items():
        parts = path.replace("\\", "/").split("/")
        src = len(parts) - 1 - parts[::-1].index("src") if "src" in parts else 0
        relative = "/".join(parts[src + 1:])
        project = parts[src + 1]
        folder = parts[src + 2] if len(parts) > src + 3 else os.path.splitext(parts[-1])[0]
        key = f"{project}/{folder}"
        for mutant in file["mutants"]:
            status = mutant["status"]
            rows[key][status] += 1
            if status not in UNDETECTED:
                continue
            code = original_code(file["source"], mutant["location"])
            line = mutant["location"]["start"]["line"]
            why = equivalents.get((relative, mutant["mutatorName"], code))
            if why is None and mutant["mutatorName"] == "Boolean mutation" and code == "false" and "ConfigureAwait(false)" in file["source"].split("\n")[line - 1]:
                why = "ConfigureAwait(true) instead of false: no synchronization context runs here"
            entry = f'{status:<10} {relative}:{line} {mutant["mutatorName"]}: {code[:60]!r} -> {mutant.get("replacement", "")[:60]!r}'
            if why is None:
                survivors.append(entry)
            else:
                rows[key]["Equivalent"] += 1
                equivalent.append(f"{entry}\n             equivalent: {why}")

print("| folder | mutants tested | killed | timeout | survived | no coverage | score | equivalent | score without equivalents |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for key in sorted(rows):
    r = rows[key]
    detected = sum(r[s] for s in DETECTED)
    total = detected + sum(r[s] for s in UNDETECTED)
    score = f"{100 * detected / total:.1f} %" if total else "–"
    adjusted = f"{100 * detected / (total - r['Equivalent']):.1f} %" if total - r["Equivalent"] else "–"
    print(f'| {key} | {total} | {r["Killed"]} | {r["Timeout"]} | {r["Survived"]} | {r["NoCoverage"]} | {score} | {r["Equivalent"]} | {adjusted} |')
print()
print("Undetected mutants:")
for line in survivors:
    print("  " + line)
print()
print("Equivalent mutants:")
for line in equivalent:
    print("  " + line)
