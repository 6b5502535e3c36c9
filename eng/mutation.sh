#!/usr/bin/env bash
# Mutation testing with Stryker.NET (dotnet-stryker 5.1.0) over the library's Http/, Errors/,
# Validation/, Webhooks/ and Serialization/, and the receiver's deduplication (Deduplication/ and
# the endpoint). Not part of every CI run: it takes more than an hour on the 2-core CI machine (see
# CONTRIBUTING.md, "Mutation testing"). Reports (HTML, JSON) go to artifacts/mutation/; the score
# per folder, and every mutant that no test caught, are printed at the end.
#   eng/mutation.sh            both parts
#   eng/mutation.sh library    only the library
#   eng/mutation.sh receiver   only the receiver
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tools=$root/artifacts/tools
out=$root/artifacts/mutation
parts=("${@:-library receiver}")
read -r -a parts <<<"${parts[*]}"

if [ ! -x "$tools/dotnet-stryker" ]; then
  dotnet tool install dotnet-stryker --version 5.1.0 --tool-path "$tools" >/dev/null
fi

# Stryker puts the mutated assembly into the test project's output: nothing else may build or
# test this tree while it runs.
reports=()
for part in "${parts[@]}"; do
  echo "== mutation testing: $part (started $(date -u +%H:%M:%S))"
  start=$(date +%s)
  rm -rf "$out/$part"
  (cd tests/RealtimeKit.Generated.Tests && "$tools/dotnet-stryker" --config-file "$root/eng/mutation/stryker-$part.json" --output "$out/$part")
  echo "== $part took $(( ($(date +%s) - start) / 60 )) min"
  reports+=("$out/$part/reports/mutation-report.json")
done

python3 eng/mutation/scores.py "${reports[@]}"
