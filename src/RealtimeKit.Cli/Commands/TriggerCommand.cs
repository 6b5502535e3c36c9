using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated;

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
            var token = parse.GetValue(globals.ApiToken);
            if (string.IsNullOrEmpty(token))
            {
                throw new UsageException($"Missing API token: pass --api-token or set {GlobalOptions.TokenVariable} (the sandbox's token).");
            }

            if (parse.GetValue(globals.BaseUrl) is not { Length: > 0 } baseUrl || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var sandbox) || !sandbox.IsLoopback)
            {
                throw new UsageException("trigger works only against a realtimekit sandbox: pass --base-url with the sandbox's address (the first line 'realtimekit sandbox' prints).");
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox, "/__sandbox/deliveries"))
            {
                Content = new StringContent(new JObject { ["appId"] = parse.GetValue(appId), ["event"] = parse.GetValue(eventName) }.ToString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new RealtimeKitApiException($"RealtimeKit sandbox {(int)response.StatusCode} {response.ReasonPhrase}: {text} (POST /__sandbox/deliveries)", (int)response.StatusCode, text, null, null)
                {
                    OperationId = "trigger",
                };
            }

            var deliveries = (JArray)JObject.Parse(text)["data"]!;
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
                await environment.Output.WriteLineAsync(
                    $"{delivery["webhookId"]} {delivery["url"]}: {(delivery["statusCode"]?.Type == JTokenType.Null ? "no answer" : delivery["statusCode"])} after {delivery["attempts"]} attempt(s){(delivery["error"]?.Type == JTokenType.String ? " - " + delivery["error"] : string.Empty)} [rtk-uuid {delivery["deliveryId"]}]");
            }
        }));
        return command;
    }
}
