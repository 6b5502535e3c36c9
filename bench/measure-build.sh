#!/usr/bin/env bash
# Build cost of code generation: a no-op build of the library (and of the solution) must not run
# NSwag; a build after touching the document must. Prints the wall time of each, whether NSwag
# ran and how long its target took, and the sizes: the document's lines and operations, the
# generated file's lines.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/RealtimeKit.Generated/RealtimeKit.Generated.csproj
solution=RealtimeKit.Generated.sln
marker="RealtimeKit.Generated: generating the client"

dotnet build "$project" -nologo -v:q >/dev/null   # warm: restore done, outputs up to date

measure() {
  local label=$1 target=${2:-$project} log start end nswag
  log=$(mktemp)
  start=$(date +%s%N)
  dotnet build "$target" --no-restore -nologo -v:n -clp:PerformanceSummary >"$log" 2>&1
  end=$(date +%s%N)
  if grep -q "$marker" "$log"; then ran=yes; else ran=no; fi
  # the target's own time, from the performance summary ("  1234 ms  RealtimeKitGenerateClient  1 calls")
  nswag=$(awk '$3 == "RealtimeKitGenerateClient" { print $1 " ms" }' "$log" | tail -n 1)
  [ "$ran" = yes ] || nswag=""
  local ms=$(( (end - start) / 1000000 ))
  printf '%s: %d.%02d s, NSwag ran: %s%s\n' "$label" $((ms / 1000)) $(((ms % 1000) / 10)) "$ran" "${nswag:+ (generation target: $nswag)}"
  rm -f "$log"
}

for i in 1 2 3; do measure "no-op build of the library #$i"; done
dotnet build "$solution" -nologo -v:q >/dev/null   # warm the whole solution
for i in 1 2 3; do measure "no-op build of the solution #$i" "$solution"; done
for i in 1 2 3; do touch openapi/realtimekit.yaml; measure "library build after touching the document #$i"; done

generated=src/RealtimeKit.Generated/obj/generated/RealtimeKit.Generated.g.cs
echo "document: $(wc -l <openapi/realtimekit.yaml) lines, $(grep -c '^ *operationId:' openapi/realtimekit.yaml) operations"
echo "generated file: $(wc -l <"$generated") lines"
