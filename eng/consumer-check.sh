#!/usr/bin/env bash
# Packs the libraries and meets them as a downstream service does: a throwaway project outside
# the repository references the packages by version (not by project), registers the client with
# AddRealtimeKit, starts the sandbox from the Testing package, adds and edits a webhook, creates a
# meeting and adds a participant (whose join token must be there), registers the Redis rate budget, and registers the Redis
# delivery store (which connects on first use only: nothing is reached); then installs the tool from
# the feed (ReadyToRun on linux-x64) and starts it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet pack "$repo/RealtimeKit.Generated.sln" -c Release -o "$work/feed" -nologo -v:q
version=$(ls "$work/feed" | sed -n 's/^RealtimeKit\.Generated\.\([0-9][0-9.]*[^.]*\)\.nupkg$/\1/p' | head -n 1)
[ -n "$version" ] || { echo "consumer check: no RealtimeKit.Generated package was produced" >&2; exit 1; }
for package in RealtimeKit.Generated RealtimeKit.Generated.Testing RealtimeKit.Generated.AspNetCore RealtimeKit.Generated.AspNetCore.Redis RealtimeKit.Generated.Redis RealtimeKit.Cli RealtimeKit.Cli.linux-x64 RealtimeKit.Cli.any; do
  [ -f "$work/feed/$package.$version.nupkg" ] || { echo "consumer check: $package.$version.nupkg is missing" >&2; exit 1; }
  [ -f "$work/feed/$package.$version.snupkg" ] || { echo "consumer check: $package.$version.snupkg is missing" >&2; exit 1; }
done
# The same version may have been restored before with other content: forget it.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/realtimekit.generated* "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/realtimekit.cli*

mkdir -p "$work/consumer"
cat > "$work/consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
cat > "$work/consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);NU1603</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="RealtimeKit.Generated" Version="$version" />
    <PackageReference Include="RealtimeKit.Generated.Testing" Version="$version" />
    <PackageReference Include="RealtimeKit.Generated.AspNetCore.Redis" Version="$version" />
    <PackageReference Include="RealtimeKit.Generated.Redis" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$work/consumer/Program.cs" <<'CS'
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated;
using RealtimeKit.Generated.AspNetCore;
using RealtimeKit.Generated.AspNetCore.Redis;
using RealtimeKit.Generated.Redis;
using RealtimeKit.Generated.Testing;

await using var sandbox = RealtimeKitSandbox.Start();
var services = new ServiceCollection();
services.AddRealtimeKit(options =>
{
    options.BaseAddress = sandbox.BaseAddress;
    options.ApiToken = sandbox.ApiToken;
});
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IWebhooksClient>();

var added = await client.AddWebhookAsync("consumer-account", "consumer-app", new AddWebhookRequest
{
    Name = "Consumer check",
    Url = new Uri("https://example.com/hooks"),
    Events = [WebhookEvent.MeetingStarted, WebhookEvent.MeetingEnded],
});
var edited = await client.EditWebhookAsync("consumer-account", "consumer-app", added.Data.Id, new EditWebhookRequest { Enabled = false });

if (edited.Data.Enabled || edited.Data.Name != "Consumer check" || sandbox.GetWebhooks("consumer-account", "consumer-app").Count != 1)
{
    Console.Error.WriteLine("consumer check: the edit did not do what was asked");
    return 1;
}

// A meeting and a participant, through the client of every resource.
var realtimeKit = provider.GetRequiredService<IRealtimeKitClient>();
var meeting = await realtimeKit.Meetings.CreateMeetingAsync("consumer-account", "consumer-app", new CreateMeetingRequest { Title = "Consumer check" });
var participant = await realtimeKit.Meetings.AddParticipantAsync("consumer-account", "consumer-app", meeting.Data!.Id,
    new AddParticipantRequest { CustomParticipantId = "ana@example.com", PresetName = "group_call_host", Name = "Ana" });
if (string.IsNullOrWhiteSpace(participant.Data?.Token))
{
    Console.Error.WriteLine("consumer check: the added participant has no token");
    return 1;
}

// The receiver's Redis store: registered with one call; nothing connects until a delivery is claimed.
await using (var receiver = new ServiceCollection().AddRealtimeKitWebhookRedisDeduplication("127.0.0.1:6379").BuildServiceProvider())
{
    if (receiver.GetRequiredService<IRealtimeKitDeliveryStore>() is not RedisRealtimeKitDeliveryStore)
    {
        Console.Error.WriteLine("consumer check: AddRealtimeKitWebhookRedisDeduplication did not register the Redis store");
        return 1;
    }
}

// The clients' budget in Redis: one call on the builder; nothing connects until a call is sent.
var replica = new ServiceCollection();
replica.AddRealtimeKit(o => o.ApiToken = "consumer-check").AddRealtimeKitRedisRateBudget("127.0.0.1:6379");
await using (var replicaProvider = replica.BuildServiceProvider())
{
    if (replicaProvider.GetRequiredService<RealtimeKitRateBudget>() is not RealtimeKitRedisRateBudget)
    {
        Console.Error.WriteLine("consumer check: AddRealtimeKitRedisRateBudget did not register the Redis budget");
        return 1;
    }
}

Console.WriteLine($"consumer check: ok (added and disabled webhook {added.Data.Id}; created meeting {meeting.Data.Id} and added a participant with a token, through the packages; the Redis delivery store and the Redis rate budget register)");
return 0;
CS

cd "$work/consumer"
dotnet run -nologo

# The tool, installed from the feed as a user installs it: on linux-x64 the ReadyToRun package,
# elsewhere the portable one; it starts and lists its commands.
dotnet tool install --tool-path "$work/tool" RealtimeKit.Cli --version "$version" --add-source "$work/feed" >/dev/null
"$work/tool/realtimekit" --help | grep -q "meetings" || { echo "consumer check: the installed realtimekit tool did not start" >&2; exit 1; }
installed=$(find "$work/tool/.store" -name realtimekit.dll | head -n 1)
echo "consumer check: the tool installs and starts (${installed#"$work/tool/.store/"})"
