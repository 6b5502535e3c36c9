#!/usr/bin/env bash
# The sandbox against Prism (bench/README §8, issue 29 item 3): installs @stoplight/prism-cli into
# bench/prism/ (not committed), serves openapi/realtimekit.yaml with `prism mock` and the same
# document's stateful sandbox with `realtimekit sandbox`, both on loopback, and drives both with
# the benchmark's --versus run (the same ten requests, then a get and an add under 32 callers).
#   bench/versus-prism.sh [--seconds 5] [--rounds 3] [--callers 32]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d); trap 'kill "${prism:-0}" "${sandbox:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
[ -x bench/prism/node_modules/.bin/prism ] || npm install --prefix bench/prism --no-audit --no-fund @stoplight/prism-cli >/dev/null
dotnet build -c Release src/RealtimeKit.Cli -nologo -v q >/dev/null
dotnet build -c Release bench/RealtimeKit.Generated.Benchmarks -nologo -v q >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
bench/prism/node_modules/.bin/prism mock openapi/realtimekit.yaml -h 127.0.0.1 -p "$port" > "$work/prism.out" 2>&1 & prism=$!
dotnet src/RealtimeKit.Cli/bin/Release/net10.0/realtimekit.dll sandbox --port 0 > "$work/sandbox.out" 2>&1 & sandbox=$!
for _ in $(seq 100); do grep -q -- --api-token "$work/sandbox.out" && grep -q "Prism is listening" "$work/prism.out" && break; sleep 0.2; done
base=$(grep -o 'http://[^ ]*' "$work/sandbox.out" | head -n 1)
token=$(grep -o 'sandbox-[0-9a-f]*' "$work/sandbox.out" | head -n 1)
dotnet bench/RealtimeKit.Generated.Benchmarks/bin/Release/net10.0/RealtimeKit.Generated.Benchmarks.dll --versus "sandbox=$base" "prism=http://127.0.0.1:$port" --token "$token" "$@"
