#!/usr/bin/env bash
# CLI start-up against a bare `dotnet new console` program, in one interleaved loop (bench/README §7):
# the median of 9 runs of each, `--help` and `meetings get` against `realtimekit sandbox` on loopback,
# for the Release build (IL, as `dotnet run` starts it) and for the tool as `dotnet tool install`
# gives it (packed, installed from the packed feed: ReadyToRun on linux-x64). Each runs as `dotnet <dll>`.
#   bench/measure-startup.sh [OTHER_CLI_DLL]   (another build of realtimekit.dll to compare, e.g. a worktree's)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d); trap 'kill "${sandbox:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet new console -o "$work/bare" -n bare >/dev/null && dotnet build -c Release "$work/bare" -nologo -v q >/dev/null
dotnet build -c Release src/RealtimeKit.Cli -nologo -v q >/dev/null
dotnet pack -c Release src/RealtimeKit.Cli -o "$work/feed" -nologo -v q >/dev/null
version=$(ls "$work/feed" | sed -n 's/^RealtimeKit\.Cli\.\([0-9][0-9.]*[^.]*\)\.nupkg$/\1/p' | head -n 1)
NUGET_PACKAGES="$work/packages" dotnet tool install --tool-path "$work/tool" RealtimeKit.Cli --version "$version" --add-source "$work/feed" >/dev/null
cli=src/RealtimeKit.Cli/bin/Release/net10.0/realtimekit.dll
tool=$(find "$work/tool/.store" -name realtimekit.dll | head -n 1)
echo "installed: ${tool#"$work/tool/.store/"}"
other=${1:-}
dotnet "$cli" sandbox --port 0 > "$work/sandbox.out" 2>&1 & sandbox=$!
for _ in $(seq 50); do grep -q -- --api-token "$work/sandbox.out" && break; sleep 0.1; done
export CLOUDFLARE_BASE_URL=$(grep -o 'http://[^ ]*' "$work/sandbox.out") CLOUDFLARE_API_TOKEN=$(grep -o 'sandbox-[0-9a-f]*' "$work/sandbox.out") CLOUDFLARE_ACCOUNT_ID=bench
app=$(dotnet "$cli" apps create --name bench -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["app"]["id"])')
meeting=$(dotnet "$cli" meetings create --app-id "$app" --title bench -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
median() { for _ in $(seq 9); do /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 5p; }
ratio() { python3 -c "print(f'{$1} s ({$1 / $2:.1f}x)')"; }
for round in 1 2 3; do
  bare=$(median dotnet "$work/bare/bin/Release/net10.0/bare.dll")
  line="round $round: bare $bare s"
  for build in "build:$cli" "installed:$tool" ${other:+"other:$other"}; do
    dll=${build#*:}
    line="$line | ${build%%:*}: help $(ratio "$(median dotnet "$dll" --help)" "$bare"), get $(ratio "$(median dotnet "$dll" meetings get --app-id "$app" --meeting-id "$meeting")" "$bare")"
  done
  echo "$line"
done
