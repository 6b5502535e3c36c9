using System.CommandLine;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Cli;

/// <summary>
/// <c>realtimekit meetings simulate --app-id A --meeting-id M</c>: asks a running
/// <c>realtimekit sandbox</c> to play a meeting's life (started, participants joined and left,
/// ended, recording uploaded, transcript and summary ready), recording a session and delivering
/// each event, signed, to the app's subscribed webhooks. With <c>--keep-live</c> the meeting
/// starts, two participants join, and the session stays LIVE (the meeting's active session, for
/// kick, mute and polls) until <c>realtimekit meetings end</c>. Only a sandbox can do this.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>Who joins a session kept live: a host and a guest, as a simulated meeting has.</summary>
    private static readonly JArray _liveParticipants =
    [
        new JObject { ["customParticipantId"] = "host@example.com", ["displayName"] = "Ada Lovelace", ["presetName"] = "group_call_host" },
        new JObject { ["customParticipantId"] = "guest@example.com", ["displayName"] = "Grace Hopper", ["presetName"] = "group_call_participant" },
    ];

    public static Command Create(CliEnvironment environment, GlobalOptions globals)
    {
        var appId = new Option<string>("--app-id") { Description = "The app of the meeting", Required = true };
        var meetingId = new Option<Guid>("--meeting-id") { Description = "The meeting to simulate (a UUID; it must exist in the sandbox)", Required = true };
        var keepLive = new Option<bool>("--keep-live") { Description = "Start the meeting, have two participants join and keep the session live (the meeting's active session) until 'realtimekit meetings end'" };
        var command = new Command("simulate", "Have a realtimekit sandbox play a meeting's life (or, with --keep-live, hold it live) and deliver its signed events to the app's webhooks") { appId, meetingId, keepLive };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(environment, parse.GetValue(globals.Verbose), ct, async () =>
        {
            var body = MeetingBody(globals, parse, appId, meetingId);
            if (parse.GetValue(keepLive))
            {
                body["participants"] = _liveParticipants.DeepClone();
                var live = await SandboxOwnRoute.PostAsync(globals, parse, "/__sandbox/live-sessions", body, "simulate --keep-live", ct);
                await WriteAsync(environment, globals, parse, parse.GetValue(appId)!, live, $"Session {live["sessionId"]} is live with participants {string.Join(", ", live["peerIds"]!.Select(p => (string?)p))} (end it with: realtimekit meetings end --app-id {parse.GetValue(appId)} --meeting-id {parse.GetValue(meetingId):D})");
                return;
            }

            var simulation = await SandboxOwnRoute.PostAsync(globals, parse, "/__sandbox/simulations", body, "simulate", ct);
            await WriteAsync(environment, globals, parse, parse.GetValue(appId)!, simulation, $"Session {simulation["sessionId"]}, recording {simulation["recordingId"]}");
        }));
        return command;
    }

    /// <summary><c>realtimekit meetings end --app-id A --meeting-id M</c>: ends the live session <c>simulate --keep-live</c> started.</summary>
    public static Command CreateEnd(CliEnvironment environment, GlobalOptions globals)
    {
        var appId = new Option<string>("--app-id") { Description = "The app of the meeting", Required = true };
        var meetingId = new Option<Guid>("--meeting-id") { Description = "The meeting whose live session ends (a UUID)", Required = true };
        var command = new Command("end", "End the live session of a meeting a realtimekit sandbox holds (simulate --keep-live): everyone leaves, the meeting ends, the events are delivered") { appId, meetingId };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(environment, parse.GetValue(globals.Verbose), ct, async () =>
        {
            var ended = await SandboxOwnRoute.PostAsync(globals, parse, "/__sandbox/live-sessions/end", MeetingBody(globals, parse, appId, meetingId), "end", ct);
            await WriteAsync(environment, globals, parse, parse.GetValue(appId)!, ended, $"Session {ended["sessionId"]} ended");
        }));
        return command;
    }

    private static JObject MeetingBody(GlobalOptions globals, ParseResult parse, Option<string> appId, Option<Guid> meetingId) => new()
    {
        ["accountId"] = globals.RequireAccountId(parse),
        ["appId"] = parse.GetValue(appId),
        ["meetingId"] = parse.GetValue(meetingId).ToString("D"),
    };

    /// <summary>The sandbox's answer as JSON, or for people: what happened, the events, one line per delivery.</summary>
    private static async Task WriteAsync(CliEnvironment environment, GlobalOptions globals, ParseResult parse, string appId, JToken answer, string headline)
    {
        if (globals.Json(parse))
        {
            await environment.Output.WriteLineAsync(answer.ToString());
            return;
        }

        await environment.Output.WriteLineAsync($"{headline}: {string.Join(", ", answer["events"]!.Select(e => (string?)e))}");
        var deliveries = (JArray)answer["deliveries"]!;
        await environment.Output.WriteLineAsync(deliveries.Count == 0
            ? $"No enabled webhook of app '{appId}' is subscribed to these events."
            : $"{deliveries.Count} deliveries:");
        foreach (var delivery in deliveries)
        {
            await environment.Output.WriteLineAsync("  " + SandboxOwnRoute.Describe(delivery));
        }
    }
}
