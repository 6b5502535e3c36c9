#!/usr/bin/env bash
# Records the current public surface of the src/ libraries in their PublicAPI.Unshipped.txt,
# generated types included. Run it after a regeneration changed the surface on purpose, then
# review `git diff -- '*PublicAPI*'` and classify the change (see README, "Updating the API document").
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build src/RealtimeKit.Generated/RealtimeKit.Generated.csproj -nologo -v:q -p:TreatWarningsAsErrors=false >/dev/null || true
generated=src/RealtimeKit.Generated/obj/generated/RealtimeKit.Generated.g.cs
copy=src/RealtimeKit.Generated/RealtimeKit.Generated.PublicApiScan.g.cs
[ -f "$generated" ] || { echo "no generated file at $generated" >&2; exit 1; }

# The code fix only sees files of the evaluated project: include the generated file as a source file for the scan.
cp "$generated" "$copy"
trap 'rm -f "$copy"' EXIT
export RealtimeKitGeneratedAsSource=true
for project in src/RealtimeKit.Generated src/RealtimeKit.Generated.Testing src/RealtimeKit.Generated.AspNetCore src/RealtimeKit.Generated.AspNetCore.Redis src/RealtimeKit.Generated.Redis; do
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --include-generated -v q
done
rm -f "$copy"
unset RealtimeKitGeneratedAsSource

git --no-pager diff --stat -- '*PublicAPI*.txt' || true
