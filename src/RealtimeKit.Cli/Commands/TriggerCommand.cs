using System.CommandLine;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Cli;

/// <summary>
/// <c>realtimekit webhooks trigger --app-id A --event meeting.started</c>: asks a running
/// <c>realtimekit sandbox</c> to deliver a sample event to the app's webhooks, signed as
/// RealtimeKit signs it. Only a sandbox can do this; the real API has no such operation.
/// </summary>
internal static class TriggerCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions globals)
    {
        var appId = new Option<string>("--app-id") { Description = "The app whose webhooks receive the event", Required = true };
        var eventName = new Option<string>("--event") { Description = "The event to deliver, e.g. meeting.started", Required = true };
        var command = new Command("trigger", "Have a realtimekit sandbox deliver a signed sample event to the app's webhooks") { appId, eventName };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(environment, parse.GetValue(globals.Verbose), ct, async () =>
        {
            var deliveries = (JArray)await SandboxOwnRoute.PostAsync(
                globals, parse, "/__sandbox/deliveries", new JObject { ["appId"] = parse.GetValue(appId), ["event"] = parse.GetValue(eventName) }, "trigger", ct);
            if (globals.Json(parse))
            {
                await environment.Output.WriteLineAsync(deliveries.ToString());
                return;
            }

            if (deliveries.Count == 0)
            {
                await environment.Output.WriteLineAsync($"No enabled webhook of app '{parse.GetValue(appId)}' is subscribed to {parse.GetValue(eventName)}.");
                return;
            }

            foreach (var delivery in deliveries)
            {
                await environment.Output.WriteLineAsync(SandboxOwnRoute.Describe(delivery));
            }
        }));
        return command;
    }
}
