#!/usr/bin/env bash
# Conformance with Cloudflare's official TypeScript SDK (npm "cloudflare", pinned in
# package.json / package-lock.json): the SDK and the C# client (the realtimekit CLI) against one
# `realtimekit sandbox` (webhooks.mjs), then the SDK on apps, meetings, participants, presets,
# sessions, recordings, livestreams and the active session (without one and held live), a list
# per resource with a non-default per_page, with the C# client reading and changing meetings,
# participants and the active session beside it, against another (resources.mjs). One ok/FAIL line per check, then a
# "conformance: N passed, N failed" line per script;
# exit code 1 when a check failed.
#
#   eng/conformance/run.sh [path to realtimekit.dll or the realtimekit executable]
#
# Given a path, builds nothing (CI builds first). Without one, builds src/RealtimeKit.Cli (Debug)
# and uses its output. Installs the SDK with `npm ci` when node_modules lacks it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "conformance: Node.js 20 or later with npm is required (node not on PATH)" >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "conformance: Node.js 20 or later is required; this is $(node --version)" >&2
  exit 1
fi

if [ $# -ge 1 ]; then
  cli="$1"
else
  dotnet build "$root/src/RealtimeKit.Cli/RealtimeKit.Cli.csproj" -nologo -v q
  cli="$root/src/RealtimeKit.Cli/bin/Debug/net10.0/realtimekit.dll"
fi
if [ ! -f "$cli" ]; then
  echo "conformance: no realtimekit CLI at $cli (build it first: dotnet build RealtimeKit.Generated.sln)" >&2
  exit 1
fi
cli="$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")"

if [ ! -f "$here/node_modules/cloudflare/package.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

cd "$here"
status=0
node webhooks.mjs "$cli" || status=1
node resources.mjs "$cli" || status=1
exit $status
