#!/usr/bin/env bash
# Builds and tests the sample service the way a downstream team's CI would: the packages packed
# into a local feed (artifacts/samples-feed), referenced by version, a packages folder of their
# own; the service's tests start it with WebApplicationFactory against the in-process sandbox
# and a redis-server (which must be installed: apt-get install redis-server).
#   samples/run.sh [--results-directory DIR]   (extra arguments go to dotnet test)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
feed="$repo/artifacts/samples-feed"
rm -rf "$feed" "$repo/artifacts/samples-packages"
dotnet pack "$repo/RealtimeKit.Generated.sln" -c Release -o "$feed" -nologo -v:q
version=$(ls "$feed" | sed -n 's/^RealtimeKit\.Generated\.\([0-9][0-9.]*[^.]*\)\.nupkg$/\1/p' | head -n 1)
[ -n "$version" ] || { echo "samples: no RealtimeKit.Generated package was produced" >&2; exit 1; }
echo "samples: RealtimeKit packages $version from $feed"
dotnet test "$repo/samples/MeetingService.Tests" -nologo -p:RealtimeKitVersion="$version" "$@"
