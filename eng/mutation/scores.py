#!/usr/bin/env python3
"""Mutation score per folder from Stryker.NET's JSON reports (mutation-report.json).

Score = (killed + timeout) / (killed + timeout + survived + no coverage); compile errors and
ignored mutants are not counted, as Stryker counts them. Usage: scores.py REPORT.json [...]
"""
import json
import os
import sys
from collections import defaultdict

DETECTED = {"Killed", "Timeout"}
UNDETECTED = {"Survived", "NoCoverage"}

rows = defaultdict(lambda: defaultdict(int))
survivors = []
for report in sys.argv[1:]:
    with open(report, encoding="utf-8") as f:
        data = json.load(f)
    for path, file in data["files"].items():
        parts = path.replace("\\", "/").split("/")
        src = parts.index("src") if "src" in parts else 0
        project = parts[src + 1]
        folder = parts[src + 2] if len(parts) > src + 3 else os.path.splitext(parts[-1])[0]
        key = f"{project}/{folder}"
        for mutant in file["mutants"]:
            rows[key][mutant["status"]] += 1
            if mutant["status"] in UNDETECTED:
                line = mutant["location"]["start"]["line"]
                survivors.append(f'{mutant["status"]:<10} {"/".join(parts[src + 1:])}:{line} {mutant["mutatorName"]}: {mutant.get("replacement", "")[:80]!r}')

print(f'| folder | mutants tested | killed | timeout | survived | no coverage | score |')
print(f'|---|---:|---:|---:|---:|---:|---:|')
for key in sorted(rows):
    r = rows[key]
    detected = sum(r[s] for s in DETECTED)
    undetected = sum(r[s] for s in UNDETECTED)
    total = detected + undetected
    score = f"{100 * detected / total:.1f} %" if total else "–"
    print(f'| {key} | {total} | {r["Killed"]} | {r["Timeout"]} | {r["Survived"]} | {r["NoCoverage"]} | {score} |')
print()
print("Undetected mutants:")
for line in survivors:
    print("  " + line)
