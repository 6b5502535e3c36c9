#!/usr/bin/env bash
# Build cost of code generation: a no-op build of the library must not run NSwag; a build after
# touching the document must. Prints the wall time of each and whether NSwag ran.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/RealtimeKit.Generated/RealtimeKit.Generated.csproj
marker="RealtimeKit.Generated: generating the client"

dotnet build "$project" -nologo -v:q >/dev/null   # warm: restore done, outputs up to date

measure() {
  local label=$1 log start end
  log=$(mktemp)
  start=$(date +%s%N)
  dotnet build "$project" --no-restore -nologo -v:n >"$log" 2>&1
  end=$(date +%s%N)
  if grep -q "$marker" "$log"; then ran=yes; else ran=no; fi
  local ms=$(( (end - start) / 1000000 ))
  printf '%s: %d.%02d s, NSwag ran: %s\n' "$label" $((ms / 1000)) $(((ms % 1000) / 10)) "$ran"
}

for i in 1 2 3; do measure "no-op build #$i"; done
for i in 1 2 3; do touch openapi/realtimekit.yaml; measure "build after touching the document #$i"; done
