#!/usr/bin/env bash
# Mutation testing with Stryker.NET (dotnet-stryker 5.1.0) over the library's Http/, Errors/,
# Validation/, Webhooks/ and Serialization/, and the receiver's deduplication (Deduplication/ and
# the endpoint). Not part of every CI run: it takes about two hours on the 2-core CI machine, one
# folder at a time (see CONTRIBUTING.md, "Mutation testing"). Reports (HTML, JSON) go to
# artifacts/mutation/<part>/; the score per folder, and every mutant that no test caught, are
# printed at the end from every part's last report.
#   eng/mutation.sh                       every part
#   eng/mutation.sh Errors Validation     only these library folders
#   eng/mutation.sh receiver              only the receiver
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tools=$root/artifacts/tools
out=$root/artifacts/mutation
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(Errors Validation Serialization Webhooks Http receiver)

if [ ! -x "$tools/dotnet-stryker" ]; then
  dotnet tool install dotnet-stryker --version 5.1.0 --tool-path "$tools" >/dev/null
fi

# Stryker puts the mutated assembly into the test project's output: nothing else may build or
# test this tree while it runs.
for part in "${parts[@]}"; do
  case $part in
    receiver) args=(--config-file "$root/eng/mutation/stryker-receiver.json") ;;
    Http|Errors|Validation|Webhooks|Serialization)
      args=(--config-file "$root/eng/mutation/stryker-library.json" --mutate "**/$part/**/*.cs") ;;
    *) echo "unknown part: $part (Http, Errors, Validation, Webhooks, Serialization, receiver)" >&2; exit 2 ;;
  esac
  echo "== mutation testing: $part (started $(date -u +%H:%M:%S))"
  start=$(date +%s)
  rm -rf "$out/$part"
  (cd tests/RealtimeKit.Generated.Tests && "$tools/dotnet-stryker" "${args[@]}" --output "$out/$part")
  echo "== $part took $(( ($(date +%s) - start) / 60 )) min"
done

python3 eng/mutation/scores.py "$out"/*/reports/mutation-report.json
