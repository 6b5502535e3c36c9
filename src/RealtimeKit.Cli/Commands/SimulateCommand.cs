using System.CommandLine;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Cli;

/// <summary>
/// <c>realtimekit meetings simulate --app-id A --meeting-id M</c>: asks a running
/// <c>realtimekit sandbox</c> to play a meeting's life (started, participants joined and left,
/// ended, recording uploaded, transcript and summary ready), recording a session and delivering
/// each event, signed, to the app's subscribed webhooks. Only a sandbox can do this.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions globals)
    {
        var appId = new Option<string>("--app-id") { Description = "The app of the meeting", Required = true };
        var meetingId = new Option<Guid>("--meeting-id") { Description = "The meeting to simulate (a UUID; it must exist in the sandbox)", Required = true };
        var command = new Command("simulate", "Have a realtimekit sandbox play a meeting's life and deliver its signed events to the app's webhooks") { appId, meetingId };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(environment, parse.GetValue(globals.Verbose), ct, async () =>
        {
            var body = new JObject
            {
                ["accountId"] = globals.RequireAccountId(parse),
                ["appId"] = parse.GetValue(appId),
                ["meetingId"] = parse.GetValue(meetingId).ToString("D"),
            };
            var simulation = await SandboxOwnRoute.PostAsync(globals, parse, "/__sandbox/simulations", body, "simulate", ct);
            if (globals.Json(parse))
            {
                await environment.Output.WriteLineAsync(simulation.ToString());
                return;
            }

            await environment.Output.WriteLineAsync($"Session {simulation["sessionId"]}, recording {simulation["recordingId"]}: {string.Join(", ", simulation["events"]!.Select(e => (string?)e))}");
            var deliveries = (JArray)simulation["deliveries"]!;
            await environment.Output.WriteLineAsync(deliveries.Count == 0
                ? $"No enabled webhook of app '{parse.GetValue(appId)}' is subscribed to these events."
                : $"{deliveries.Count} deliveries:");
            foreach (var delivery in deliveries)
            {
                await environment.Output.WriteLineAsync("  " + SandboxOwnRoute.Describe(delivery));
            }
        }));
        return command;
    }
}
